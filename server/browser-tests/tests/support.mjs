// Starts a real Zëri server with demo data and a real Chromium, for the dashboard tests.
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, mkdirSync, copyFileSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const here = dirname(fileURLToPath(import.meta.url));
export const repository = join(here, "..", "..", "..");
export const DEMO_PASSWORD = "zeri-demo-2026";

/** A fresh database: a SQLite file in `dir`, or, with `ZERI_TEST_ENGINE=postgres`, a new
 * database in the cluster `ZERI_TEST_POSTGRES` names (`scripts/with-postgres`). */
function freshDatabase(dir) {
  if (process.env.ZERI_TEST_ENGINE !== "postgres") return join(dir, "zeri.sqlite3");
  const cluster = process.env.ZERI_TEST_POSTGRES;
  const name = `zeri_browser_${Date.now()}_${Math.floor(Math.random() * 1e9)}`;
  execFileSync("psql", [cluster, "-q", "-c", `CREATE DATABASE ${name}`]);
  return cluster.replace(/\/[^/]*$/, `/${name}`);
}

/** Starts `zeri-server --demo` on a free port with a fresh database; resolves to its address
 * and everything it printed so far (the demo logins, say). */
export async function startServer({ bind = "127.0.0.1:0", env = {} } = {}) {
  const binary = process.env.ZERI_SERVER_BIN ?? join(repository, "target", "debug", "zeri-server");
  const dir = mkdtempSync(join(tmpdir(), "zeri-browser-"));
  const child = spawn(
    binary,
    ["--demo", "--bind", bind, "--database", freshDatabase(dir), "--data-dir", join(dir, "photos")],
    { env: { ...process.env, NO_COLOR: "1", RUST_LOG: "warn,server=info", ...env }, stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start:\n${output}`)), 60_000);
    const read = (chunk) => {
      output += chunk;
      const found = output.match(/listening on (http:\/\/[0-9.:]+)/);
      if (found) {
        clearTimeout(timer);
        resolve(found[1]);
      }
    };
    child.stdout.on("data", read);
    child.stderr.on("data", read);
    child.on("exit", (code) => reject(new Error(`the server exited (${code}):\n${output}`)));
  });
  return { url, output: () => output, stop: () => child.kill("SIGTERM") };
}

/** Debian's Chromium, headless, without the background traffic a closed network refuses. */
export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.ZERI_CHROMIUM ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-dev-shm-usage",
    ],
  });
}

/** A fresh browser context (its own cookies) logged in as `username`. */
export async function loggedIn(browser, url, username, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
  await page.goto(`${url}/staff`);
  await page.getByLabel(/Username|Emri i përdoruesit|Korisničko ime/).fill(username);
  await page.getByLabel(/Password|Fjalëkalimi|Lozinka/).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: /Log in|Hyr|Prijavi se/ }).click();
  await page.waitForURL(/\/staff(\?.*)?$/);
  return { context, page };
}

/** Saves a screenshot under target/screenshots, and into docs/<guide> when asked to refresh them. */
export async function screenshot(page, name, { fullPage = true, guide = "staff-guide" } = {}) {
  const saved = join(repository, "target", "screenshots", guide, `${name}.png`);
  mkdirSync(dirname(saved), { recursive: true });
  await page.screenshot({ path: saved, fullPage });
  if (process.env.ZERI_UPDATE_SCREENSHOTS) {
    const docs = join(repository, "docs", guide, `${name}.png`);
    mkdirSync(dirname(docs), { recursive: true });
    copyFileSync(saved, docs);
  }
}

/** Files a complaint through the citizen API, as the phone app does. */
export async function fileComplaint(request, url, { category, description, location, language = "sq", contact = null }) {
  const device = crypto.randomUUID().replaceAll("-", "") + crypto.randomUUID().replaceAll("-", "");
  const response = await request.post(`${url}/api/v1/complaints`, {
    headers: { Authorization: `Device ${device}` },
    data: {
      id: crypto.randomUUID(),
      category,
      description,
      location,
      contact,
      photo_count: 0,
      language,
      campaign: null,
    },
  });
  if (response.status() !== 201) throw new Error(`filing failed: ${response.status()} ${await response.text()}`);
  return response.json();
}

/** The axe-core accessibility engine's source, to run inside a page. */
const axeSource = readFileSync(join(here, "..", "node_modules", "axe-core", "axe.min.js"), "utf8");

/** What axe-core finds against WCAG 2.1 A and AA on the page now open (the page's context must
 * be made with `bypassCSP: true`, so the engine can be put into the page). */
export async function accessibilityProblems(page) {
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(() =>
    // eslint-disable-next-line no-undef
    axe.run(document, { runOnly: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] }),
  );
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

/** How many pixels the page open now is wider than the window. */
export function overflow(page) {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

/** Runs `zeri-cli` (the real phone core, without a screen) against the server with its own
 * phone storage; resolves to what it printed, or rejects with its errors. */
export function phone(url, store, args) {
  const binary = process.env.ZERI_CLI_BIN ?? join(repository, "target", "debug", "zeri-cli");
  return new Promise((resolve, reject) => {
    const child = spawn(binary, ["--server", url, "--store", store, "--wait", "20", ...args], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (chunk) => (out += chunk));
    child.stderr.on("data", (chunk) => (err += chunk));
    child.on("exit", (code) => (code === 0 ? resolve(out) : reject(new Error(`zeri-cli ${args[0]} (${code}): ${err}${out}`))));
  });
}

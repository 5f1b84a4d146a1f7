// Emails, clicked through in Chromium: a staff member replies in the dashboard and the
// citizen's email arrives at a real SMTP server (aiosmtpd) in the citizen's language; its link
// stops the emails without a login; an administrator gives an institution a notification
// address; a staff member chooses their own emails.
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startServer, launchBrowser, loggedIn, screenshot, accessibilityProblems, repository } from "./support.mjs";

/** A free TCP port on 127.0.0.1. */
function freePort() {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** aiosmtpd with the test handler, keeping each message as JSON in a fresh folder. */
async function startSmtp() {
  const python = process.env.ZERI_TEST_AIOSMTPD;
  if (!python) throw new Error("ZERI_TEST_AIOSMTPD names a Python with aiosmtpd: run under scripts/with-smtp-server");
  const port = await freePort();
  const folder = mkdtempSync(join(tmpdir(), "zeri-smtp-"));
  const child = spawn(python, ["-m", "aiosmtpd", "-n", "-u", "-l", `127.0.0.1:${port}`, "-c", "zeri_smtp_sink.Sink", folder], {
    env: { ...process.env, PYTHONPATH: join(repository, "server", "tests", "smtp") },
    stdio: "ignore",
  });
  const received = () =>
    readdirSync(folder)
      .filter((name) => name.endsWith(".json"))
      .map((name) => JSON.parse(readFileSync(join(folder, name), "utf8")));
  /** Waits for a message to `address` whose subject matches, at most 30 s. */
  const waitFor = async (address, subject) => {
    for (let i = 0; i < 300; i += 1) {
      const found = received().find((m) => m.rcpt_tos.includes(address) && subject.test(m.headers.Subject));
      if (found) return found;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`no email to ${address} matching ${subject}; received: ${JSON.stringify(received().map((m) => [m.rcpt_tos, m.headers.Subject]))}`);
  };
  return { url: `smtp://127.0.0.1:${port}`, received, waitFor, stop: () => child.kill() };
}

describe("emails", () => {
  let smtp;
  let server;
  let browser;

  before(async () => {
    smtp = await startSmtp();
    const port = await freePort();
    const address = `http://127.0.0.1:${port}`;
    server = await startServer({
      bind: `127.0.0.1:${port}`,
      env: { ZERI_SMTP_URL: smtp.url, ZERI_MAIL_EVERY_SECONDS: "1", ZERI_PUBLIC_URL: address, ZERI_MAIL_FROM: "Zëri <zeri@zeri.test>" },
    });
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    server?.stop();
    smtp?.stop();
  });

  it("tells the citizen of a reply in their language, and the email's link stops the emails", async () => {
    const api = (await browser.newContext()).request;
    const device = crypto.randomUUID().replaceAll("-", "") + crypto.randomUUID().replaceAll("-", "");
    const response = await api.post(`${server.url}/api/v1/complaints`, {
      headers: { Authorization: `Device ${device}` },
      data: {
        id: crypto.randomUUID(),
        category: "roads_local",
        description: "Rupa na putu kod škole je sve veća, deca je zaobilaze po kolovozu.",
        location: { type: "municipality", id: "prishtine" },
        contact: { name: "Milan", phone: null, email: "milan@example.org" },
        photo_count: 0,
        language: "sr",
        campaign: null,
      },
    });
    assert.equal(response.status(), 201);
    const { tracking_code: code } = await response.json();
    const received = await smtp.waitFor("milan@example.org", /primljena$/);
    assert.equal(received.headers.Subject, `Tvoja žalba ${code}: primljena`);

    const { page, context } = await loggedIn(browser, server.url, "prishtina.staff");
    await page.goto(`${server.url}/staff?q=${code}`);
    await page.getByRole("link", { name: code }).click();
    await page.getByLabel("Your reply").fill("Ekipa će popraviti put u ponedeljak.");
    await page.getByRole("button", { name: "Send reply" }).click();
    await page.getByRole("status").filter({ hasText: "Your reply was sent to the citizen." }).waitFor();
    await context.close();

    const reply = await smtp.waitFor("milan@example.org", /odgovor$/);
    assert.equal(reply.headers.Subject, `Tvoja žalba ${code}: odgovor`);
    assert.match(reply.text, /^Zdravo,/);
    assert.match(reply.text, /> Ekipa će popraviti put u ponedeljak\./);
    assert.match(reply.html, /<blockquote[^>]*>Ekipa će popraviti put u ponedeljak\./);

    // The citizen follows the link: a page in Serbian asks, the button stops the emails.
    const link = reply.headers["List-Unsubscribe"].replace(/^<|>$/g, "");
    const citizen = await browser.newContext({ bypassCSP: true });
    const stopPage = await citizen.newPage();
    await stopPage.goto(link);
    assert.match(await stopPage.locator("main").textContent(), new RegExp(`Zaustaviti emailove o žalbi ${code}\\?`));
    assert.deepEqual(await accessibilityProblems(stopPage), []);
    await stopPage.getByRole("button", { name: "Zaustavi emailove" }).click();
    await stopPage.getByRole("status").filter({ hasText: `Više nećeš dobijati emailove o žalbi ${code}.` }).waitFor();
    await screenshot(stopPage, "email-stopped");
    await citizen.close();
  });

  it("lets an administrator give an institution a notification address, which hears of each new complaint", async () => {
    const { page, context } = await loggedIn(browser, server.url, "admin");
    await page.goto(`${server.url}/staff/admin/institutions`);
    const row = page.locator("tr", { has: page.locator("code", { hasText: /^gjilan:mun_public_services$/ }) });
    await row.locator("summary").click();
    await row.getByLabel("Notification address").fill("ankesat@gjilan.example");
    await row.getByLabel("An email for each new complaint").check();
    await row.getByLabel("Language of the emails").selectOption("en");
    await row.getByRole("button", { name: "Save" }).click();
    await page.getByRole("status").waitFor();
    await page.reload();
    const saved = page.locator("tr", { has: page.locator("code", { hasText: /^gjilan:mun_public_services$/ }) });
    assert.equal(await saved.locator("summary").textContent(), "ankesat@gjilan.example");

    // A wrong address is refused with a message that says how to write it.
    await saved.locator("summary").click();
    await saved.getByLabel("Notification address").fill("ankesat at gjilan");
    await saved.getByLabel("Notification address").evaluate((input) => (input.type = "text"));
    await saved.getByRole("button", { name: "Save" }).click();
    await assert.doesNotReject(page.getByRole("alert").filter({ hasText: "not an email address" }).waitFor());
    await context.close();

    const api = (await browser.newContext()).request;
    const device = crypto.randomUUID().replaceAll("-", "") + crypto.randomUUID().replaceAll("-", "");
    const filed = await api.post(`${server.url}/api/v1/complaints`, {
      headers: { Authorization: `Device ${device}` },
      data: {
        id: crypto.randomUUID(),
        category: "roads_local",
        description: "The road to the village has been closed by a landslide since Monday.",
        location: { type: "municipality", id: "gjilan" },
        contact: null,
        photo_count: 0,
        language: "sq",
        campaign: null,
      },
    });
    const { tracking_code: code } = await filed.json();
    const told = await smtp.waitFor("ankesat@gjilan.example", new RegExp(`^New complaint ${code}: `));
    assert.doesNotMatch(told.text, /landslide/, "the email carries no complaint text");
    assert.match(told.text, /\/staff\/complaints\//);
  });

  it("lets a staff member choose their own emails", async () => {
    const { page, context } = await loggedIn(browser, server.url, "gjilan.staff", { bypassCSP: true });
    await page.getByRole("link", { name: "My emails" }).click();
    assert.equal(await page.locator("h1").textContent(), "My emails");
    assert.deepEqual(await accessibilityProblems(page), []);
    await page.getByLabel("Email address").fill("arben@gjilan.example");
    await page.getByLabel("Each new complaint of my institution").check();
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByRole("status").filter({ hasText: "Your choices are saved." }).waitFor();
    assert.equal(await page.getByLabel("Email address").inputValue(), "arben@gjilan.example");
    assert.ok(await page.getByLabel("Each new complaint of my institution").isChecked());
    await screenshot(page, "my-emails");
    await context.close();
  });
});

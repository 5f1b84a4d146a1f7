// A training session, clicked through in Chromium against a real server with demo data: the
// trainer prepares a trainee's sandbox and resets it, the trainee does every exercise in it, and
// the trained-staff report counts them. The real complaints are never touched.
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import { networkInterfaces } from "node:os";
import { startServer, launchBrowser, loggedIn, screenshot, accessibilityProblems, overflow } from "./support.mjs";

const GJILAN = "gjilan:mun_public_services";

describe("a training session", () => {
  let server;
  let browser;
  let trainer;
  let entryLink;

  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    server?.stop();
  });

  it("prints a demo login for each role at start-up", () => {
    const printed = server.output();
    for (const [login, role] of [
      ["admin", "administrator"],
      ["prishtina.manager", "manager"],
      ["prishtina.staff", "staff"],
      ["gjilan.staff", "staff"],
    ]) {
      assert.match(printed, new RegExp(`${login.replace(".", "\\.")}\\s+${role}`));
    }
    assert.match(printed, /zeri-demo-2026/);
    assert.match(printed, /\/staff\/training/);
  });

  it("lets the trainer add a trainee and prepares a sandbox with a link", async () => {
    trainer = await loggedIn(browser, server.url, "admin");
    const { page } = trainer;
    await page.getByRole("link", { name: "Training" }).click();
    assert.equal(await page.locator("#trained-total").textContent(), "0");
    await page.getByLabel("Full name").fill("Lirie Osmani");
    await page.getByLabel("Works at").selectOption(GJILAN);
    await page.getByRole("button", { name: "Add and prepare the sandbox" }).click();
    const row = page.locator("#trainees tbody tr", { hasText: "Lirie Osmani" });
    assert.equal(await row.locator(".progress").textContent(), "0 / 5");
    entryLink = await row.locator("a.entry-link").getAttribute("href");
    assert.match(entryLink, /\/training\/enter\/[a-z0-9]{24}$/);
    await screenshot(page, "trainer-page", { guide: "training" });
  });

  it("runs the trainee's exercises in their sandbox, never in the real data", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(entryLink);
    assert.match(page.url(), /\/staff\/exercises$/);
    const banner = page.locator(".training-banner");
    assert.match(await banner.textContent(), /Training: practice data, not real complaints\..*Lirie Osmani/s);
    assert.equal(await page.locator('[data-done="false"]').count(), 5);
    await screenshot(page, "exercises-to-do", { guide: "training" });
    const exerciseCodes = await page.locator("main ul a").allTextContents();
    assert.equal(exerciseCodes.length, 4);

    // Which exercise complaint is which: the trainee reads each one.
    const links = await page.locator("main ul a").evaluateAll((as) => as.map((a) => a.href));
    let own;
    let misrouted;
    for (const link of links) {
      await page.goto(link);
      if ((await page.locator("main").textContent()).includes("Drinking water supply")) misrouted = link;
      else own ??= link;
    }
    assert.ok(own && misrouted, "the institution's own complaints and a misrouted one");

    // Acknowledge, reply and resolve one of the institution's own complaints.
    await page.goto(own);
    await page.getByRole("button", { name: "Acknowledge" }).click();
    await page.getByRole("status").filter({ hasText: "Acknowledged" }).waitFor();
    await page.getByLabel("Your reply").fill("Ekipi ynë do të dalë nesër në terren.");
    await page.getByRole("button", { name: "Send reply" }).click();
    await page.getByRole("status").filter({ hasText: "Your reply was sent to the citizen." }).waitFor();
    await page.getByLabel("What was done (the citizen sees this)").fill("Problemi u rregullua sot.");
    await page.getByRole("button", { name: "Resolve", exact: true }).click();
    await page.getByRole("status").filter({ hasText: "Resolved. The citizen has been told." }).waitFor();

    // The misrouted one: water supply is the regional water company's business.
    await page.goto(misrouted);
    const company = await page
      .locator("#transfer select option", { hasText: "Hidromorava" })
      .getAttribute("value");
    await page.getByLabel("Institution responsible").selectOption(company);
    await page.getByLabel("Why it belongs there").fill("Furnizimi me ujë është punë e kompanisë rajonale të ujësjellësit.");
    page.once("dialog", (dialog) => dialog.accept());
    await page.getByRole("button", { name: "Transfer to another institution" }).click();
    await page.waitForURL(/\/staff\?transferred=/);

    // The statistics, exported.
    await page.goto(`${server.url}/staff/stats`);
    await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download CSV" }).click()]);

    await page.getByRole("link", { name: "Exercises" }).click();
    assert.equal(await page.locator('[data-done="true"]').count(), 5);
    assert.ok(await page.locator("#all-done").isVisible());
    await screenshot(page, "exercises-done", { guide: "training" });

    // The real system holds none of it: the trainer, outside any sandbox, finds no such code.
    for (const code of exerciseCodes) {
      await trainer.page.goto(`${server.url}/staff?q=${code}`);
      assert.equal(await trainer.page.getByRole("link", { name: code }).count(), 0, code);
    }

    // Leaving the sandbox signs the trainee out of it.
    await page.getByRole("button", { name: "Leave training" }).click();
    await page.waitForURL(/\/staff\/login$/);
    assert.equal(await page.locator(".training-banner").count(), 0);
    await context.close();
  });

  it("counts the trainee in the trained-staff report, also after the trainer resets", async () => {
    const { page } = trainer;
    await page.goto(`${server.url}/staff/training`);
    const row = page.locator("#trainees tbody tr", { hasText: "Lirie Osmani" });
    assert.equal(await row.locator(".progress").textContent(), "5 / 5");
    assert.equal(await page.locator("#trained-total").textContent(), "1");
    const report = page.locator("#trained tbody tr");
    assert.equal(await report.count(), 1);
    assert.match(await report.textContent(), /Gjilan.*1.*Lirie Osmani/s);
    const [csv] = await Promise.all([page.waitForEvent("download"), page.locator("#trained-csv").click()]);
    const rows = readFileSync(await csv.path(), "utf8").trim().split("\n");
    assert.equal(rows.length, 2);
    assert.match(rows[1], /^gjilan:mun_public_services,.*,Lirie Osmani,\d{4}-\d{2}-\d{2}$/);

    await row.getByRole("button", { name: "Reset" }).click();
    await page.getByRole("status").filter({ hasText: "fresh demo data" }).waitFor();
    assert.equal(await page.locator("#trained-total").textContent(), "1", "a reset forgets no one");
    await screenshot(page, "trained-staff-report", { guide: "training" });

    // The trainee's link opens a fresh sandbox, with every exercise to do again.
    const context = await browser.newContext({ locale: "sq" });
    const trainee = await context.newPage();
    await trainee.goto(entryLink);
    assert.equal(await trainee.locator('[data-done="false"]').count(), 5);
    assert.match(await trainee.locator(".training-banner").textContent(), /Trajnim: të dhëna ushtrimi/);
    await screenshot(trainee, "ushtrimet", { guide: "training" });
    await context.close();
  });

  it("passes automated accessibility checks and reflows at 200% zoom", async () => {
    const checked = await loggedIn(browser, server.url, "admin", { bypassCSP: true });
    const trainee = await browser.newContext({ bypassCSP: true });
    const inSandbox = await trainee.newPage();
    await inSandbox.goto(entryLink);
    for (const [page, path] of [
      [checked.page, "/staff/training"],
      [inSandbox, "/staff/exercises"],
      [inSandbox, "/staff"],
    ]) {
      await page.goto(`${server.url}${path}`);
      assert.deepEqual(await accessibilityProblems(page), [], path);
      await page.setViewportSize({ width: 640, height: 450 });
      await page.reload();
      const tooWide = await overflow(page);
      assert.ok(tooWide <= 1, `${path} is ${tooWide}px too wide`);
      await page.setViewportSize({ width: 1280, height: 900 });
    }
    await trainee.close();
    await checked.context.close();
  });
});

describe("a training room's network, without HTTPS", () => {
  // The machine's own address on its network: what trainees' computers would reach.
  const address = Object.values(networkInterfaces())
    .flat()
    .find((i) => i.family === "IPv4" && !i.internal)?.address;

  it("lets a browser that reaches the server by its network address log in", async () => {
    assert.ok(address, "this machine has a network address");
    const port = await new Promise((resolve) => {
      const probe = createServer().listen(0, address, () => {
        const { port } = probe.address();
        probe.close(() => resolve(port));
      });
    });
    const url = `http://${address}:${port}`;
    const server = await startServer({ bind: `0.0.0.0:${port}`, env: { ZERI_PUBLIC_URL: url } });
    const browser = await launchBrowser();
    try {
      const { page } = await loggedIn(browser, url, "admin");
      assert.equal(await page.locator("h1").textContent(), "Complaints");
      await page.goto(`${url}/staff/training`);
      await page.getByLabel("Full name").fill("Besa Rama");
      await page.getByLabel("Works at").selectOption("prizren:mun_public_services");
      await page.getByRole("button", { name: "Add and prepare the sandbox" }).click();
      const link = await page.locator("a.entry-link").first().getAttribute("href");
      assert.ok(link.startsWith(`${url}/training/enter/`), link);
      const trainee = await (await browser.newContext()).newPage();
      await trainee.goto(link);
      assert.match(await trainee.locator(".training-banner").textContent(), /Besa Rama/);
    } finally {
      await browser.close();
      server.stop();
    }
  });
});

// A staff member's own account and who looked at personal data, clicked through in Chromium
// against the demo server: My account lists the sessions (this one marked), logs another one
// out, and refuses a guessable new password with its reason; a complaint's contact details are
// hidden until asked for, and the manager's access log then shows who looked.
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer, launchBrowser, loggedIn, screenshot, accessibilityProblems, fileComplaint, DEMO_PASSWORD } from "./support.mjs";

describe("my account and the access log", () => {
  let server;
  let browser;

  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    server?.stop();
  });

  it("lists the sessions, logs one out, and refuses a guessable password", async () => {
    const elsewhere = await loggedIn(browser, server.url, "gjilan.staff");
    const staff = await loggedIn(browser, server.url, "gjilan.staff", { bypassCSP: true });
    const { page } = staff;
    await page.getByRole("link", { name: "My account" }).click();
    const rows = page.locator("#sessions tbody tr");
    assert.equal(await rows.count(), 2, "both browsers");
    assert.equal(await page.locator("#sessions").getByText("This session").count(), 1);
    await screenshot(page, "my-account");
    assert.deepEqual(await accessibilityProblems(page), []);

    await page.getByRole("button", { name: "Log out there" }).click();
    await page.getByRole("status").filter({ hasText: "Logged out there." }).waitFor();
    assert.equal(await rows.count(), 1);
    await elsewhere.page.goto(`${server.url}/staff`);
    assert.match(elsewhere.page.url(), /\/staff\/login/, "the other browser must log in again");

    await page.getByLabel("Current password").fill(DEMO_PASSWORD);
    await page.getByLabel("New password").fill("gjilan1234567");
    await page.getByRole("button", { name: "Change password" }).click();
    assert.match(await page.locator("main").textContent(), /too easy to guess/);
    await elsewhere.context.close();
    await staff.context.close();
  });

  it("hides a citizen's contact until asked for and shows the manager who looked", async () => {
    const citizen = await browser.newContext();
    const filed = await fileComplaint(citizen.request, server.url, {
      category: "roads_local",
      description: "Një gropë e thellë në rrugën para shkollës, makinat e anashkalojnë.",
      location: { type: "municipality", id: "prishtine" },
      contact: { name: "Vjosa Morina", phone: "+38344222333", email: null },
    });
    await citizen.close();
    const staff = await loggedIn(browser, server.url, "prishtina.staff");
    await staff.page.goto(`${server.url}/staff?q=${filed.tracking_code}`);
    await staff.page.getByRole("link", { name: filed.tracking_code }).click();
    assert.doesNotMatch(await staff.page.locator("main").textContent(), /Vjosa Morina/);
    await staff.page.getByRole("button", { name: "Show contact details and photos" }).click();
    assert.match(await staff.page.locator("section.citizen").textContent(), /Vjosa Morina/);
    await staff.context.close();

    const manager = await loggedIn(browser, server.url, "prishtina.manager", { bypassCSP: true });
    await manager.page.getByRole("link", { name: "Access log" }).click();
    const first = manager.page.locator("#access-log tbody tr").first();
    assert.match(await first.textContent(), new RegExp(`${filed.tracking_code}.*Contact details`));
    await screenshot(manager.page, "access-log");
    assert.deepEqual(await accessibilityProblems(manager.page), []);
    await manager.context.close();
  });
});

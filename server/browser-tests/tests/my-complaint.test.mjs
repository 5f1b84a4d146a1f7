// A person a complaint was filed for, without the phone that filed it, uses their rights on the
// public site in Chromium: the complaint opens only with its tracking code and the right PIN,
// shows what the service holds, saves it as a file, takes the contact details back (and the
// institution's staff see that), and erases the personal data once confirmed.
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { startServer, launchBrowser, loggedIn, accessibilityProblems, fileComplaint } from "./support.mjs";

describe("a complaint opened with its tracking code and PIN", () => {
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

  it("opens only with the right PIN, saves, takes the contact back and erases", async () => {
    const citizen = await browser.newContext({ bypassCSP: true, acceptDownloads: true });
    const filed = await fileComplaint(citizen.request, server.url, {
      category: "roads_local",
      description: "The stairs to the health centre have no railing; my grandmother fell there.",
      location: { type: "municipality", id: "prishtine" },
      language: "en",
      contact: { name: "Drita Hoxha", phone: "+38344555666", email: null },
    });
    assert.match(filed.pin, /^[0-9]{8}$/, "the receipt carries the PIN");
    const page = await citizen.newPage();

    await page.goto(`${server.url}/my-complaint?lang=en`);
    const wrong = filed.pin === "00000000" ? "11111111" : "00000000";
    await page.getByLabel("Tracking code").fill(filed.tracking_code.toLowerCase());
    await page.getByLabel("PIN").fill(wrong);
    await page.getByRole("button", { name: "Open" }).click();
    assert.match(await page.locator("main").textContent(), /do not open a complaint/);
    assert.doesNotMatch(await page.locator("main").textContent(), /Drita Hoxha/);

    // The PIN typed as the app shows it, in two groups of four.
    await page.getByLabel("PIN").fill(`${filed.pin.slice(0, 4)} ${filed.pin.slice(4)}`);
    await page.getByRole("button", { name: "Open" }).click();
    await page.getByRole("heading", { name: `Complaint ${filed.tracking_code}` }).waitFor();
    assert.match(await page.locator("#held-contact").textContent(), /Drita Hoxha/);
    assert.match(await page.locator("#held").textContent(), /no railing/);
    assert.deepEqual(await accessibilityProblems(page), []);

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Save all of it as a file" }).click(),
    ]);
    assert.equal(download.suggestedFilename(), `zeri-${filed.tracking_code}.json`);
    const saved = readFileSync(await download.path(), "utf8");
    assert.match(saved, /Drita Hoxha/);
    assert.match(saved, /\+38344555666/);

    await page.getByRole("button", { name: "Take my contact details back" }).click();
    await page.getByText("Your contact details were removed from this complaint.").waitFor();
    assert.doesNotMatch(await page.locator("main").textContent(), /Drita Hoxha/);

    const staff = await loggedIn(browser, server.url, "prishtina.staff");
    await staff.page.goto(`${server.url}/staff?q=${filed.tracking_code}`);
    await staff.page.getByRole("link", { name: filed.tracking_code }).click();
    assert.match(await staff.page.locator("main").textContent(), /The citizen removed their contact details/);
    assert.doesNotMatch(await staff.page.locator("main").textContent(), /Drita Hoxha/);
    await staff.context.close();

    await page.getByRole("button", { name: "Erase" }).click();
    assert.match(await page.locator("main").textContent(), /Tick the box to confirm/);
    await page.getByLabel("I understand that this cannot be undone").check();
    await page.getByRole("button", { name: "Erase" }).click();
    await page.getByText(`Your personal data was erased from complaint ${filed.tracking_code}.`).waitFor();
    await citizen.close();
  });
});

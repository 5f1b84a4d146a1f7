// A promotional campaign, end to end: an administrator creates it in Chromium, a phone opens
// its link through the real core (zeri-cli) and sends a complaint, and the campaign's report
// counts both, by municipality.
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startServer, launchBrowser, loggedIn, screenshot, phone, accessibilityProblems, overflow } from "./support.mjs";

describe("a campaign", () => {
  let server;
  let browser;
  let admin;
  let campaignUrl;
  let webLink;
  let code;

  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    server?.stop();
  });

  it("is created by an administrator, with a code, links and a QR code", async () => {
    admin = await loggedIn(browser, server.url, "admin");
    const { page } = admin;
    await page.getByRole("link", { name: "Campaigns" }).click();
    assert.equal(await page.locator("#campaigns-organized").textContent(), "0");
    await page.getByLabel("Name").fill("Gjilani i pastër");
    await page.getByLabel("Starts on").fill("2026-11-01");
    await page.getByLabel("Ends on").fill("2026-10-01");
    await page.getByLabel("Where").selectOption("gjilan");
    await page.getByRole("button", { name: "Create the campaign" }).click();
    await page.getByRole("alert").filter({ hasText: "not before the start" }).waitFor();
    assert.equal(await page.getByLabel("Name").inputValue(), "Gjilani i pastër", "what was typed stays");

    await page.getByLabel("Ends on").fill("2026-12-31");
    await page.getByRole("button", { name: "Create the campaign" }).click();
    await page.waitForURL(/\/staff\/campaigns\/GJI-[A-Z0-9]{5}$/);
    campaignUrl = page.url();
    code = await page.locator("#campaign-code").textContent();
    assert.equal(await page.locator("#campaign-app-link").textContent(), `zeri://campaign/${code}`);
    webLink = await page.locator("#campaign-web-link").getAttribute("href");
    assert.equal(webLink, `${server.url}/c/${code}`);
    const qr = page.locator("img.qr");
    await qr.evaluate((img) => img.decode());
    assert.ok(await qr.evaluate((img) => img.naturalWidth >= 200), "the SVG QR code draws");
    const [png] = await Promise.all([page.waitForEvent("download"), page.locator("#campaign-qr-png").click()]);
    assert.equal(png.suggestedFilename(), `zeri-${code}.png`);
    const [svg] = await Promise.all([page.waitForEvent("download"), page.locator("#campaign-qr-svg").click()]);
    assert.equal(svg.suggestedFilename(), `zeri-${code}.svg`);
    await screenshot(page, "campaign", { guide: "training" });
  });

  it("leads a phone that scans it to the app, and counts what the app does with it", async () => {
    // The QR code's page, on a phone in Albanian.
    const context = await browser.newContext({ locale: "sq", viewport: { width: 390, height: 780 } });
    const scan = await context.newPage();
    await scan.goto(webLink);
    const open = scan.getByRole("link", { name: "Hap Zërin" });
    assert.equal(await open.getAttribute("href"), `zeri://campaign/${code}`);
    assert.match(await scan.locator("main").textContent(), /Gjilani i pastër/);
    await screenshot(scan, "campaign-landing", { guide: "training" });
    await context.close();

    // The app opens with the link (the real core, through zeri-cli), then the citizen complains.
    const store = join(mkdtempSync(join(tmpdir(), "zeri-phone-")), "phone.sqlite3");
    await phone(server.url, store, ["open", `zeri://campaign/${code.toLowerCase()}`]);
    const sent = await phone(server.url, store, [
      "submit",
      "--category",
      "waste_collection",
      "--description",
      "Kontejnerët te tregu nuk janë zbrazur prej dy javësh.",
      "--municipality",
      "gjilan",
    ]);
    assert.doesNotMatch(sent, /Refused|Refuzuar/);
    // Another phone from the same poster, in Viti.
    const other = join(mkdtempSync(join(tmpdir(), "zeri-phone-")), "phone.sqlite3");
    await phone(server.url, other, ["open", webLink]);
    await phone(server.url, other, [
      "submit",
      "--category",
      "street_lighting",
      "--description",
      "Ndriçimi publik nuk punon në rrugën kryesore prej një muaji.",
      "--municipality",
      "viti",
    ]);

    const { page } = admin;
    await page.goto(campaignUrl);
    assert.equal(await page.locator("#campaign-scans").textContent(), "1");
    assert.equal(await page.locator("#campaign-app-opens").textContent(), "2");
    assert.equal(await page.locator("#campaign-devices").textContent(), "2");
    assert.equal(await page.locator("#campaign-complaints").textContent(), "2");
    const rows = await page.locator("#campaign-municipalities tbody tr th").allTextContents();
    assert.deepEqual(rows.sort(), ["Gjilan", "Viti"]);
    await screenshot(page, "campaign-reach", { guide: "training" });

    await page.goto(`${server.url}/staff/campaigns`);
    assert.equal(await page.locator("#campaigns-organized").textContent(), "1");
    assert.match(await page.locator("#campaigns tbody tr").textContent(), new RegExp(`Gjilani i pastër.*${code}`, "s"));
    const [csv] = await Promise.all([page.waitForEvent("download"), page.locator("#campaigns-csv").click()]);
    const lines = readFileSync(await csv.path(), "utf8").trim().split("\n");
    assert.equal(lines[1], `${code},Gjilani i pastër,2026-11-01,2026-12-31,Gjilan,Gnjilane,Gjilan,1,2,2,2`);
  });

  it("is for administrators only", async () => {
    const staff = await loggedIn(browser, server.url, "gjilan.staff");
    assert.equal(await staff.page.getByRole("link", { name: "Campaigns" }).count(), 0);
    const response = await staff.page.goto(campaignUrl);
    assert.equal(response.status(), 403);
    await staff.context.close();
  });

  it("passes automated accessibility checks and reflows at 200% zoom", async () => {
    const checked = await loggedIn(browser, server.url, "admin", { bypassCSP: true });
    for (const path of ["/staff/campaigns", campaignUrl.replace(server.url, ""), `/c/${code}`]) {
      await checked.page.goto(`${server.url}${path}`);
      assert.deepEqual(await accessibilityProblems(checked.page), [], path);
      await checked.page.setViewportSize({ width: 640, height: 450 });
      await checked.page.reload();
      const tooWide = await overflow(checked.page);
      assert.ok(tooWide <= 1, `${path} is ${tooWide}px too wide`);
      await checked.page.setViewportSize({ width: 1280, height: 900 });
    }
    await checked.context.close();
  });
});

// The institution dashboard, clicked through in Chromium as staff use it, against a real
// server with the demo data.
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { startServer, launchBrowser, loggedIn, screenshot, fileComplaint, accessibilityProblems, overflow } from "./support.mjs";

const PRISHTINA = "prishtine:mun_public_services";
const GJILAN = "gjilan:mun_public_services";

describe("the institution dashboard", () => {
  let server;
  let browser;
  let staff; // Driton Gashi, Prishtina's Directorate of Public Services
  let filed; // a complaint a citizen sent just now, with awkward text and a GPS point
  let resolvedUrl;
  let transferredCode;

  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const api = (await browser.newContext()).request;
    filed = await fileComplaint(api, server.url, {
      category: "roads_local",
      description: 'Gropë e madhe në rrugë <script>alert("x")</script> & <b>nuk</b> rregullohet.',
      location: { type: "gps", lat: 42.6629, lon: 21.1655 },
    });
  });

  after(async () => {
    await browser?.close();
    server?.stop();
  });

  async function totalResolved(page) {
    // Four years back holds every demo complaint; a period may be at most five years long.
    const from = new Date(Date.now() - 4 * 365 * 24 * 3600 * 1000).toISOString().slice(0, 10);
    await page.goto(`${server.url}/staff/stats?from=${from}&group=category`);
    return Number(await page.locator("#total-resolved").textContent());
  }

  it("asks for a login, then shows the institution's inbox with its counts", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/staff`);
    assert.match(page.url(), /\/staff\/login\?next=/);
    await screenshot(page, "login");
    await page.getByLabel("Username").fill("prishtina.staff");
    await page.getByLabel("Password").fill("not the password");
    await page.getByRole("button", { name: "Log in" }).click();
    await assert.doesNotReject(page.getByRole("alert").filter({ hasText: "Wrong username or password" }).waitFor());
    await context.close();

    staff = await loggedIn(browser, server.url, "prishtina.staff");
    const { page: inbox } = staff;
    assert.equal(await inbox.locator("h1").textContent(), "Complaints");
    assert.match(await inbox.locator(".count.new").textContent(), /^\d+ new$/);
    assert.match(await inbox.locator(".count.overdue").textContent(), /^\d+ overdue$/);
    const rows = inbox.locator("table.inbox tbody tr");
    assert.ok((await rows.count()) > 0);
    // Only Prishtina's complaints: the citizen's new one is here, the municipality column says so.
    assert.ok(await inbox.getByRole("link", { name: filed.tracking_code }).isVisible());
    for (const municipality of await rows.locator("td:nth-child(3)").allTextContents()) {
      assert.equal(municipality, "Pristina");
    }
    await screenshot(inbox, "inbox");
  });

  it("narrows the inbox with filters and search", async () => {
    const { page } = staff;
    await page.getByLabel("Status").selectOption("submitted");
    await page.getByRole("button", { name: "Show" }).click();
    const statuses = await page.locator("table.inbox tbody .status").allTextContents();
    assert.ok(statuses.length > 0);
    assert.deepEqual(new Set(statuses), new Set(["Submitted"]));

    await page.goto(`${server.url}/staff`);
    await page.getByLabel("Only overdue").check();
    await page.getByRole("button", { name: "Show" }).click();
    const rows = page.locator("table.inbox tbody tr");
    assert.ok((await rows.count()) > 0, "the demo has overdue complaints");
    assert.equal(await page.locator("table.inbox tbody tr:not(.overdue)").count(), 0);

    await page.goto(`${server.url}/staff`);
    await page.getByLabel("Search").fill("gropë rrugë");
    await page.getByRole("button", { name: "Show" }).click();
    assert.ok(await page.getByRole("link", { name: filed.tracking_code }).isVisible());
    await page.getByLabel("Search").fill(filed.tracking_code);
    await page.getByRole("button", { name: "Show" }).click();
    assert.equal(await rows.count(), 1);
  });

  it("replies from a template and resolves; the statistics count it", async () => {
    const manager = await loggedIn(browser, server.url, "prishtina.manager");
    await manager.page.getByRole("link", { name: "Reply templates" }).click();
    await manager.page.getByLabel("Title").fill("Crew scheduled");
    await manager.page.getByLabel("Text").fill("A road crew is scheduled to repair this within the week.");
    await manager.page.getByRole("button", { name: "Save" }).click();
    assert.ok(await manager.page.getByRole("heading", { name: "Crew scheduled" }).isVisible());
    await manager.context.close();

    const { page } = staff;
    const resolvedBefore = await totalResolved(page);
    await page.goto(`${server.url}/staff?q=${filed.tracking_code}`);
    await page.getByRole("link", { name: filed.tracking_code }).click();
    resolvedUrl = page.url();
    // What the citizen wrote is shown as text, never run.
    assert.equal(
      await page.locator("blockquote.description").textContent(),
      'Gropë e madhe në rrugë <script>alert("x")</script> & <b>nuk</b> rregullohet.',
    );
    assert.equal(await page.locator("blockquote.description b").count(), 0);
    assert.ok(await page.locator("section.location svg.outline circle.pin").isVisible(), "the point on the municipality");
    assert.match(await page.locator("section.location").textContent(), /municipality's responsibility/);
    await screenshot(page, "complaint");

    await page.getByLabel("Start from a template").selectOption({ label: "Crew scheduled" });
    assert.equal(await page.getByLabel("Your reply").inputValue(), "A road crew is scheduled to repair this within the week.");
    await page.getByRole("button", { name: "Send reply" }).click();
    await page.getByRole("status").filter({ hasText: "Your reply was sent to the citizen." }).waitFor();
    assert.equal(await page.locator("section.summary .status").textContent(), "Received");
    const latest = page.locator("ol.timeline li").first();
    assert.match(await latest.textContent(), /Reply sent.*A road crew is scheduled/s);

    await page.getByLabel("What was done (the citizen sees this)").fill("The pothole was filled on Tuesday.");
    await page.getByRole("button", { name: "Resolve", exact: true }).click();
    await page.getByRole("status").filter({ hasText: "Resolved. The citizen has been told." }).waitFor();
    assert.equal(await page.locator("section.summary .status").textContent(), "Resolved");
    assert.equal(await page.getByRole("button", { name: "Send reply" }).count(), 0, "a closed complaint takes no reply");

    assert.equal(await totalResolved(page), resolvedBefore + 1);
    await screenshot(page, "statistics");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Download CSV" }).click(),
    ]);
    const csv = readFileSync(await download.path(), "utf8").split("\n");
    assert.match(csv[0], /^key,name_sq,name_sr,name_en,received,/);
    assert.ok(csv.some((line) => line.startsWith("roads_local,")), "the category's row");
  });

  it("refuses a reply without text, and keeps what was typed elsewhere", async () => {
    const { page } = staff;
    await page.goto(`${server.url}/staff?status=submitted`);
    await page.locator("table.inbox tbody tr a").first().click();
    await page.getByLabel("Why it is rejected (the citizen sees this)").fill("   ");
    page.once("dialog", (dialog) => dialog.accept());
    await page.getByRole("button", { name: "Reject" }).click();
    await page.getByRole("alert").waitFor();
    assert.equal(await page.locator("section.summary .status").textContent(), "Submitted");
  });

  it("transfers a misrouted complaint to the institution responsible", async () => {
    const { page } = staff;
    await page.goto(`${server.url}/staff?status=submitted`);
    await page.locator("table.inbox tbody tr a").first().click();
    const complaintUrl = page.url();
    transferredCode = (await page.locator("h1").textContent()).replace("Complaint ", "");
    await page.getByLabel("Institution responsible").selectOption(GJILAN);
    await page.getByLabel("Why it belongs there").fill("The address is in Gjilan, not Prishtina.");
    page.once("dialog", (dialog) => dialog.accept());
    await page.getByRole("button", { name: "Transfer to another institution" }).click();
    await page.waitForURL(/\/staff\?transferred=/);
    assert.match(await page.getByRole("status").textContent(), new RegExp(`${transferredCode} was transferred`));
    const gone = await page.goto(complaintUrl);
    assert.equal(gone.status(), 404);

    const gjilan = await loggedIn(browser, server.url, "gjilan.staff");
    await gjilan.page.goto(`${server.url}/staff?q=${transferredCode}`);
    await gjilan.page.getByRole("link", { name: transferredCode }).click();
    assert.equal(await gjilan.page.locator("section.summary .status").textContent(), "Transferred");
    assert.match(await gjilan.page.locator("ol.timeline").textContent(), /Transferred → Directorate of Public Services.*Gjilan/s);
    await gjilan.context.close();
  });

  it("does not show one institution's complaints to another, even by address", async () => {
    const gjilan = await loggedIn(browser, server.url, "gjilan.staff");
    const response = await gjilan.page.goto(resolvedUrl);
    assert.equal(response.status(), 404);
    assert.match(await gjilan.page.getByRole("alert").textContent(), /Not found/);
    assert.doesNotMatch(await gjilan.page.content(), /Gropë e madhe/);
    await gjilan.page.goto(`${server.url}/staff?q=${filed.tracking_code}`);
    assert.equal(await gjilan.page.locator("table.inbox").count(), 0);
    const photo = await gjilan.context.request.get(resolvedUrl.replace("/staff/", "/api/v1/staff/"));
    assert.equal(photo.status(), 404);
    await gjilan.context.close();
  });

  it("switches language for the whole page", async () => {
    const { page } = staff;
    await page.goto(resolvedUrl);
    await page.getByRole("link", { name: "Shqip" }).click();
    assert.equal(await page.locator("html").getAttribute("lang"), "sq");
    assert.equal(await page.locator("section.summary .status").textContent(), "Zgjidhur");
    assert.ok(await page.getByRole("heading", { name: "Historiku" }).isVisible());
    await page.getByRole("link", { name: "Ankesat" }).first().click();
    assert.equal(await page.locator("h1").textContent(), "Ankesat");
    await screenshot(page, "inbox-sq");
    await page.getByRole("link", { name: "Српски" }).click();
    assert.equal(await page.locator("h1").textContent(), "Притужбе");
    await page.getByRole("link", { name: "Srpski" }).click();
    assert.equal(await page.locator("h1").textContent(), "Pritužbe");
    await page.getByRole("link", { name: "English" }).click();
    assert.equal(await page.locator("h1").textContent(), "Complaints");
  });

  it("refuses forms from elsewhere, and logging out ends the session", async () => {
    const { page, context } = staff;
    const forged = await context.request.post(resolvedUrl, { form: { action: "note", text: "forged" } });
    assert.equal(forged.status(), 400);
    assert.match(await forged.text(), /This form has expired/);
    const crossSite = await context.request.post(`${server.url}/staff/login`, {
      headers: { Origin: "https://attacker.example" },
      form: { username: "prishtina.staff", password: "zeri-demo-2026" },
    });
    assert.equal(crossSite.status(), 403);
    const headers = (await page.goto(`${server.url}/staff`)).headers();
    assert.match(headers["content-security-policy"], /script-src 'self'/);
    assert.match(headers["content-security-policy"], /frame-ancestors 'none'/);
    const cookie = (await context.cookies()).find((c) => c.name === "zeri_session");
    assert.equal(cookie.httpOnly, true);
    assert.equal(cookie.secure, true);
    assert.equal(cookie.sameSite, "Strict");

    await page.getByRole("button", { name: "Log out" }).click();
    await page.waitForURL(/\/staff\/login$/);
    await page.goto(`${server.url}/staff`);
    assert.match(page.url(), /\/staff\/login/);
  });

  it("lets administrators manage accounts, and keeps staff out of administration", async () => {
    const admin = await loggedIn(browser, server.url, "admin");
    await admin.page.getByRole("link", { name: "Administration" }).click();
    // The institutions page is long: count its rows once it has arrived, not the inbox's.
    await admin.page.waitForURL(/\/staff\/admin\/institutions$/);
    assert.ok((await admin.page.locator("table tbody tr").count()) > 100, "every institution");
    await screenshot(admin.page, "administration", { fullPage: false });
    await admin.page.getByRole("link", { name: "Staff accounts" }).first().click();
    await admin.page.getByLabel("Username", { exact: true }).fill("arta.pristina");
    await admin.page.getByLabel("Full name").fill("Arta Rexhepi");
    await admin.page.getByLabel("Password", { exact: true }).fill("zeri-demo-2026");
    await admin.page.getByLabel("Role", { exact: true }).selectOption("staff");
    await admin.page.getByLabel("Institution", { exact: true }).selectOption(PRISHTINA);
    await admin.page.getByRole("button", { name: "Save" }).last().click();
    await admin.page.getByRole("status").filter({ hasText: "Saved." }).waitFor();
    assert.ok(await admin.page.getByRole("rowheader", { name: /Arta Rexhepi/ }).isVisible());
    await admin.context.close();

    const arta = await loggedIn(browser, server.url, "arta.pristina");
    assert.equal(await arta.page.locator("h1").textContent(), "Complaints");
    const refused = await arta.page.goto(`${server.url}/staff/admin/institutions`);
    assert.equal(refused.status(), 403);
    await arta.context.close();
  });

  it("passes automated accessibility checks and reflows at 200% zoom", async () => {
    const checked = await loggedIn(browser, server.url, "prishtina.manager", { bypassCSP: true });
    const pages = ["/staff", resolvedUrl.replace(server.url, ""), "/staff/stats", "/staff/templates", "/staff/people"];
    for (const path of pages) {
      await checked.page.goto(`${server.url}${path}`);
      assert.deepEqual(await accessibilityProblems(checked.page), [], `${path}`);
    }
    // 200% zoom of a 1280-pixel-wide window: the page fits its width, nothing cut off.
    await checked.page.setViewportSize({ width: 640, height: 450 });
    for (const path of pages) {
      await checked.page.goto(`${server.url}${path}`);
      const tooWide = await overflow(checked.page);
      assert.ok(tooWide <= 1, `${path} is ${tooWide}px too wide`);
    }
    await checked.context.close();
  });
});

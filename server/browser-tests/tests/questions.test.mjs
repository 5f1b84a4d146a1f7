// Staff and citizens talk both ways, clicked through in Chromium against the demo server: a
// staff member asks the citizen a question, the citizen answers with a photo from the app (the
// real core, through zeri-cli), and the staff member sees the answer with its photo and the
// complaint back at work. A supervisor sees the overdue complaints of what it oversees, with
// their escalation.
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startServer, launchBrowser, loggedIn, screenshot, accessibilityProblems, phone } from "./support.mjs";

describe("questions and answers", () => {
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

  it("staff ask, the citizen answers from the app with a photo, and staff see the answer", async () => {
    const folder = mkdtempSync(join(tmpdir(), "zeri-phone-"));
    const store = join(folder, "phone.sqlite3");
    await phone(server.url, store, ["language", "en"]);
    const sent = await phone(server.url, store, [
      "submit",
      "--category",
      "roads_local",
      "--description",
      "A deep pothole on the road to the stadium, cars swerve around it.",
      "--municipality",
      "gjilan",
    ]);
    const code = sent.match(/\b(ZR-[0-9A-Z-]+)\b/)?.[1];
    assert.ok(code, `a tracking code in: ${sent}`);

    const staff = await loggedIn(browser, server.url, "gjilan.staff", { bypassCSP: true });
    const { page } = staff;
    await page.goto(`${server.url}/staff?q=${code}`);
    await page.getByRole("link", { name: code }).click();
    await page.locator("#ask-text").fill("Is it before or after the petrol station?");
    await page.getByRole("button", { name: "Send the question" }).click();
    await page.getByRole("status").filter({ hasText: "Your question was sent" }).waitFor();
    assert.equal(await page.locator("section.summary .status").textContent(), "Waiting for an answer");
    assert.match(await page.locator("ol.timeline").textContent(), /Question to the citizen/);
    assert.equal(await page.locator("#close-unanswered").count(), 1, "closing unanswered is offered");
    const complaintUrl = page.url().split("?")[0];

    // The citizen's phone learns of the question and answers it, with a photo.
    const shown = await phone(server.url, store, ["show", code]);
    assert.match(shown, /The institution asked you a question/);
    assert.match(shown, /Is it before or after the petrol station\?/);
    const photo = join(folder, "pothole.jpg");
    // A photo as a phone camera would give it: Chromium draws a road and encodes it as JPEG.
    const camera = await staff.context.newPage();
    await camera.setContent('<div style="width:320px;height:240px;background:linear-gradient(#8aa 0 40%, #555 40%);"></div>');
    writeFileSync(photo, await camera.screenshot({ type: "jpeg", quality: 70, clip: { x: 0, y: 0, width: 320, height: 240 } }));
    await camera.close();
    const answered = await phone(server.url, store, [
      "write",
      code,
      "--text",
      "After it, right at the bus stop.",
      "--photo",
      photo,
    ]);
    assert.match(answered, /You wrote/);

    await page.goto(complaintUrl);
    assert.equal(await page.locator("section.summary .status").textContent(), "Received");
    const timeline = page.locator("ol.timeline");
    assert.match(await timeline.textContent(), /The citizen wrote.*After it, right at the bus stop\./s);
    const answer = timeline.locator("li").filter({ hasText: "The citizen wrote" });
    assert.match(await answer.textContent(), /One photo, hidden with the contact details/);
    // Seeing the citizen's photos is recorded; the page then shows them.
    await page.getByRole("button", { name: "Show contact details and photos" }).click();
    await page.waitForURL(/#citizen-heading$/);
    const image = answer.locator("img");
    assert.equal(await image.count(), 1, "the answer's photo");
    const response = await page.context().request.get(`${server.url}${await image.getAttribute("src")}`);
    assert.equal(response.status(), 200);
    assert.equal(response.headers()["content-type"], "image/jpeg");
    await screenshot(page, "question-answered");
    assert.deepEqual(await accessibilityProblems(page), []);
    await staff.context.close();
  });

  it("shows a supervisor the overdue complaints it oversees, with their escalation", async () => {
    const supervisor = await loggedIn(browser, server.url, "prishtina.supervisor", { bypassCSP: true });
    const { page } = supervisor;
    await page.getByRole("link", { name: "Supervision" }).click();
    await page.waitForURL(/\/staff\/supervision$/);
    const rows = page.locator("#overdue-complaints tbody tr");
    assert.ok((await rows.count()) > 0, "the demo has overdue complaints in Prishtina");
    assert.ok((await page.locator("#by-institution tbody tr").count()) > 0, "counted by institution");
    // The escalation job runs as the server starts: the longest overdue have been escalated,
    // and they come first.
    assert.match(await rows.first().textContent(), /Escalated/);
    await screenshot(page, "supervision");
    assert.deepEqual(await accessibilityProblems(page), []);
    await rows.first().getByRole("link").click();
    assert.match(await page.locator("ol.timeline").textContent(), /Escalated/);
    assert.equal(await page.locator("#ask").count(), 0, "a supervisor does not ask");
    assert.equal(await page.locator("#note").count(), 1, "but can leave a note");
    await supervisor.context.close();
  });
});

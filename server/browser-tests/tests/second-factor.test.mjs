// The second factor of signing in, clicked through in Chromium against the demo server: a staff
// member sets it up from My account (the key read off the page as an authenticator app scans
// it, a code computed here from it), keeps the recovery codes, then signs in with a code, is
// refused a wrong one, and signs in once more with a recovery code.
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { createHmac } from "node:crypto";
import { startServer, launchBrowser, screenshot, accessibilityProblems, DEMO_PASSWORD, loggedIn } from "./support.mjs";

/** RFC 4648 base32, as authenticator apps read the key. */
function base32(text) {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  let bits = "";
  for (const letter of text.replace(/[\s=]/g, "").toUpperCase()) {
    bits += alphabet.indexOf(letter).toString(2).padStart(5, "0");
  }
  const bytes = [];
  for (let i = 0; i + 8 <= bits.length; i += 8) bytes.push(parseInt(bits.slice(i, i + 8), 2));
  return Buffer.from(bytes);
}

/** The six-digit code an authenticator app shows now (RFC 6238: HMAC-SHA-1, 30 seconds). */
function totp(key, at = Date.now()) {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(at / 1000 / 30)));
  const mac = createHmac("sha1", base32(key)).update(counter).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  const number = (mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000;
  return number.toString().padStart(6, "0");
}

async function logIn(page, url) {
  await page.goto(`${url}/staff`);
  await page.getByLabel("Username").fill("prizren.staff");
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Log in" }).click();
  await page.getByRole("heading", { name: "Enter your code" }).waitFor();
}

describe("the second factor", () => {
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

  it("is set up from My account, then asks for a code, refuses a wrong one and takes a recovery code", async () => {
    const { context, page } = await loggedIn(browser, server.url, "prizren.staff", { bypassCSP: true, locale: "en" });
    await page.getByRole("link", { name: "My account" }).click();
    assert.match(await page.locator("#second-factor-status").textContent(), /Off/);
    await page.getByRole("link", { name: "Set up or change" }).click();
    await page.getByRole("img", { name: /QR code/ }).waitFor();
    const key = await page.locator("#totp-secret").textContent();
    await screenshot(page, "second-factor");
    assert.deepEqual(await accessibilityProblems(page), []);

    await page.getByLabel("The six-digit code the app shows").fill("000000");
    await page.getByRole("button", { name: "Confirm" }).click();
    await page.getByRole("alert").filter({ hasText: "That code is not right" }).waitFor();
    await page.getByLabel("The six-digit code the app shows").fill(totp(key));
    await page.getByRole("button", { name: "Confirm" }).click();
    const codes = await page.locator("#recovery-codes code").allTextContents();
    assert.equal(codes.length, 10);
    await page.getByRole("link", { name: "Continue to the inbox" }).click();
    await page.getByRole("button", { name: "Log out" }).click();

    await logIn(page, server.url);
    assert.deepEqual(await accessibilityProblems(page), []);
    await page.getByLabel("Code").fill("123456");
    await page.getByRole("button", { name: "Log in" }).click();
    await page.getByRole("alert").filter({ hasText: "That code is not right" }).waitFor();
    await screenshot(page, "second-factor-login");
    await page.getByLabel("Code").fill(totp(key));
    await page.getByRole("button", { name: "Log in" }).click();
    await page.waitForURL(/\/staff$/);
    await page.getByRole("button", { name: "Log out" }).click();

    await logIn(page, server.url);
    await page.getByLabel("Code").fill(codes[0]);
    await page.getByRole("button", { name: "Log in" }).click();
    await page.waitForURL(/\/staff$/);
    await page.getByRole("link", { name: "My account" }).click();
    assert.match(await page.locator("#second-factor-status").textContent(), /On/);
    await page.getByRole("link", { name: "Set up or change" }).click();
    assert.match(await page.locator("#second-factor-on").textContent(), /Recovery codes left: 9/);
    await context.close();
  });
});

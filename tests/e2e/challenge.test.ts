// The proof-of-work challenge in a real browser (ADR 17): with CHALLENGE=always every start
// needs a solved challenge, which the ALTCHA widget fetches and solves in the background
// under the page's nonce CSP; without JavaScript the page says the step needs it.
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { en } from "@/lib/i18n/messages/en";
import {
  codeFromOutbox,
  expectAccessible,
  hasChromium,
  inCi,
  launchChromium,
  startApp,
  type RunningApp,
} from "@/tests/support/e2e";

describe.skipIf(!hasChromium && !inCi)("the challenge in a browser", () => {
  let app: RunningApp;
  let base = "";
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  let cspMessages: string[] = [];

  beforeAll(async () => {
    app = await startApp({ CHALLENGE: "always" });
    base = app.base;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  afterEach(async () => {
    await context?.close();
    context = undefined;
    cspMessages = [];
  });

  async function newContext(options: { javaScriptEnabled?: boolean } = {}): Promise<BrowserContext> {
    context = await browser!.newContext(options);
    context.on("console", (msg) => {
      if (msg.text().includes("Content Security Policy")) cspMessages.push(`${msg.type()}: ${msg.text()}`);
    });
    return context;
  }

  /** Waits until the widget has put a solved challenge in the form's altcha field. */
  const solved = (page: import("playwright-core").Page) =>
    page.waitForFunction(() => (document.querySelector<HTMLInputElement>('input[name="altcha"]')?.value ?? "") !== "", {
      timeout: 60_000,
    });

  it("solves the challenge in the background and completes the check, twice in a row", async () => {
    const ctx = await newContext();
    const page = await ctx.newPage();
    await page.goto(base);
    await solved(page);
    await expectAccessible(page, "the check page with the challenge");

    await page.getByLabel("Mobile number").fill("(206) 555-0100");
    await page.getByRole("button", { name: "Send me a code" }).click();
    await page.getByRole("heading", { name: "Enter the code we texted you" }).waitFor();
    await page.getByLabel("6-digit code").fill(await codeFromOutbox(ctx, base, "0100"));
    await page.getByRole("button", { name: "Show my result" }).click();
    await page.getByRole("region", { name: "Your account was affected" }).waitFor();

    // Another check from the same page: a new challenge is fetched and solved (a solution works once).
    await page.getByRole("button", { name: "Check another number" }).click();
    await page.getByLabel("Mobile number").waitFor();
    await solved(page);
    await page.getByLabel("Mobile number").fill("(206) 555-0199");
    await page.getByRole("button", { name: "Send me a code" }).click();
    await page.getByRole("heading", { name: "Enter the code we texted you" }).waitFor();

    expect(cspMessages).toEqual([]);
  }, 120_000);

  it("without JavaScript, says the step needs it and refuses the start in words", async () => {
    const ctx = await newContext({ javaScriptEnabled: false });
    const page = await ctx.newPage();
    // Chromium with scripts disabled by the DevTools protocol still parses <noscript> as
    // text, so the notice is looked for in the page's HTML.
    const html = await (await fetch(base)).text();
    expect(html).toMatch(new RegExp(`<noscript><p[^>]*>${en.check.challengeNoScript}</p></noscript>`));
    await page.goto(base);
    await page.getByLabel("Mobile number").fill("(206) 555-0101");
    // A real form post that loads a new document, refused in words next to the field.
    const [request] = await Promise.all([
      page.waitForRequest((r) => r.method() === "POST" && r.isNavigationRequest()),
      page.getByRole("button", { name: "Send me a code" }).click(),
    ]);
    expect((await request.response())?.status()).toBe(200);
    await page.waitForLoadState();
    const main = await page.locator("main").innerText();
    expect(main).toContain(en.errors.challenge_required);
    expect(await page.getByLabel("Mobile number").getAttribute("aria-invalid")).toBe("true");
  }, 60_000);
});

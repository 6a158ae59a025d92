// The check by keyboard alone, a new code from the code step, and the flow at 320 CSS px
// (WCAG 2.1.1, 3.3.7, 1.4.10), in a real browser against the app as `npm start` runs it.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  codeFromOutbox,
  expectAccessible,
  hasChromium,
  inCi,
  launchChromium,
  startApp,
  type RunningApp,
} from "@/tests/support/e2e";

/** Presses Tab until the focused element matches, as a keyboard user would. */
async function tabTo(page: Page, matches: (el: { tag: string; name: string; text: string }) => boolean) {
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press("Tab");
    const el = await page.evaluate(() => {
      const a = document.activeElement as HTMLInputElement | null;
      return { tag: a?.tagName ?? "", name: a?.name ?? "", text: a?.textContent?.trim() ?? "" };
    });
    if (matches(el)) return;
  }
  throw new Error("Tab never reached the element");
}

const noSideways = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);

describe.skipIf(!hasChromium && !inCi)("the code step in a browser", () => {
  let app: RunningApp;
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;

  beforeAll(async () => {
    app = await startApp();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });
  afterEach(async () => {
    await context?.close();
    context = undefined;
  });

  it("runs number → new code → result by keyboard alone, at 320 CSS px without sideways scrolling", async () => {
    context = await browser!.newContext({ viewport: { width: 320, height: 640 } });
    const page = await context.newPage();
    await page.goto(app.base);
    expect(await noSideways(page)).toBe(true);

    await tabTo(page, (el) => el.name === "phone");
    await page.keyboard.type("(206) 555-0100");
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: "Enter the code we texted you" }).waitFor();
    expect(await noSideways(page)).toBe(true);
    const first = await codeFromOutbox(context, app.base, "0100");

    // A new code from the code step: the number is not asked for again.
    await tabTo(page, (el) => el.tag === "BUTTON" && el.text === "Send a new code");
    await page.keyboard.press("Enter");
    await page.getByText("we have sent it a new 6-digit code", { exact: false }).waitFor();
    expect(await page.getByLabel("Mobile number").count()).toBe(0);
    let second = await codeFromOutbox(context, app.base, "0100");
    // Two random codes can match (one in a million): then the newer text is still the one to use.
    if (second === first) second = await codeFromOutbox(context, app.base, "0100");

    await tabTo(page, (el) => el.name === "code");
    await page.keyboard.type(second);
    await page.keyboard.press("Enter");
    const banner = page.getByRole("region", { name: "Your account was affected" });
    await banner.waitFor();
    // The answer comes first: the introduction has gone from above it.
    await page.getByText("Enter the mobile number on your account.", { exact: false }).waitFor({ state: "hidden" });
    expect(await noSideways(page)).toBe(true);
    await expectAccessible(page, "result at 320 px");

    await tabTo(page, (el) => el.tag === "A" && el.text.startsWith("What to do now"));
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/remediation\//);
    expect(await noSideways(page)).toBe(true);
  });

  it("without JavaScript, a new code is a plain form post too", async () => {
    context = await browser!.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(app.base);
    await page.getByLabel("Mobile number").fill("206 555 0199");
    await page.getByRole("button", { name: "Send me a code" }).click();
    await page.getByRole("button", { name: "Send a new code" }).click();
    await page.getByText("we have sent it a new 6-digit code", { exact: false }).waitFor();
    await page.getByLabel("6-digit code").fill(await codeFromOutbox(context, app.base, "0199"));
    await page.getByRole("button", { name: "Show my result" }).click();
    await page
      .getByRole("region", { name: "We have no record of this number in the lists of affected accounts" })
      .waitFor();
    expect(await page.getByText("We checked •••0199", { exact: false }).count()).toBe(1);
  });
});

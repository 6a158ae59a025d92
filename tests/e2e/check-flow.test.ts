// The whole check in a real browser against the app started exactly as `npm start` does:
// embedded database in a fresh DATA_DIR (e2e-pg: a fresh PostgreSQL database), migrations,
// demo seed, build if needed, server.
import { cspWatch } from "@/tests/support/csp-watch";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { codeFromOutbox, hasChromium, inCi, launchChromium, startApp, type RunningApp } from "@/tests/support/e2e";
import { databaseText } from "@/tests/support/postgres";

describe.skipIf(!hasChromium && !inCi)("check flow in a browser", () => {
  let app: RunningApp;
  let tmp = "";
  let base = "";
  let output = "";
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  const csp = cspWatch();
  const cspMessages = csp.messages;

  beforeAll(async () => {
    app = await startApp();
    ({ base, dataDir: tmp } = app);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    output = app?.output() ?? "";
    await app?.stop();
  });

  /** A fresh browser context that records every CSP complaint in the console. */
  async function newContext(options: { javaScriptEnabled?: boolean } = {}): Promise<BrowserContext> {
    context = csp.listen(await browser!.newContext(options));
    return context;
  }
  const audit = (page: Parameters<typeof csp.audit>[0], where: string) => csp.audit(page, where);

  afterEach(async () => {
    await context?.close();
    context = undefined;
    csp.reset();
  });

  // The shared pages (the check page among them) swap the nonce for hashes: tests/e2e/locale.test.ts.
  it("sends security headers with a nonce-based CSP on per-request pages", async () => {
    const res = await fetch(`${base}/outbox`);
    expect(res.status).toBe(200);
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("frame-ancestors 'none'");
    const nonce = /'nonce-([A-Za-z0-9+/=_-]+)'/.exec(csp)?.[1];
    expect(nonce, `no nonce in ${csp}`).toBeTruthy();
    // The nonce is only useful if the page's own scripts carry it.
    expect(await res.text()).toContain(`nonce="${nonce}"`);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("referrer-policy")).toBe("same-origin");
  });

  it("shows an affected number its groups and remediation (JavaScript on)", async () => {
    const ctx = await newContext();
    const page = await ctx.newPage();
    await page.goto(base);
    await audit(page, "the check page");

    await page.getByLabel("Mobile number").fill("(206) 555-0100");
    await page.getByRole("button", { name: "Send me a code" }).click();
    await page.getByRole("heading", { name: "Enter the code we texted you" }).waitFor();
    await audit(page, "the code page");

    const code = await codeFromOutbox(ctx, base, "0100");
    await page.getByLabel("6-digit code").fill(code);
    await page.getByRole("button", { name: "Show my result" }).click();
    const banner = page.getByRole("region", { name: "Your account was affected" });
    await banner.waitFor();
    const text = await banner.textContent();
    expect(text).toContain("Prepaid customers");
    expect(text).toContain("Account PIN");
    await audit(page, "the result page");

    await page.getByRole("link", { name: "What to do now: Prepaid customers" }).click();
    await page.waitForURL(/\/remediation\/[^/]+\/prepaid$/);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Prepaid customers");
    const steps = await page.getByRole("listitem").allTextContents();
    expect(steps.some((s) => s.includes("port-out protection"))).toBe(true);
    await audit(page, "the remediation page");

    await page.goto(`${base}/outbox`);
    expect(await page.getByTestId("outbox-message").count()).toBeGreaterThan(0);
    await audit(page, "the outbox");

    expect(cspMessages).toEqual([]);
  });

  it("tells an unaffected number only that it is not on the lists", async () => {
    const ctx = await newContext();
    const page = await ctx.newPage();
    await page.goto(base);
    await page.getByLabel("Mobile number").fill("+1 206 555 0199");
    await page.getByRole("button", { name: "Send me a code" }).click();
    await page.getByRole("heading", { name: "Enter the code we texted you" }).waitFor();

    await page.getByLabel("6-digit code").fill(await codeFromOutbox(ctx, base, "0199"));
    await page.getByRole("button", { name: "Show my result" }).click();
    const banner = page.getByRole("region", {
      name: "We have no record of this number in the lists of affected accounts",
    });
    await banner.waitFor();
    expect(await page.getByText("Your account was affected").count()).toBe(0);
    expect(await page.getByRole("link", { name: /What to do now/ }).count()).toBe(0);

    expect(cspMessages).toEqual([]);
  });

  it("works as plain form posts with JavaScript disabled", async () => {
    const ctx = await newContext({ javaScriptEnabled: false });
    const page = await ctx.newPage();
    await page.goto(base);
    await page.getByLabel("Mobile number").fill("206.555.0102");
    // No JavaScript: each click must be a real form post that loads a new document.
    const submit = async (button: string) => {
      const [request] = await Promise.all([
        page.waitForRequest((r) => r.method() === "POST" && r.isNavigationRequest()),
        page.getByRole("button", { name: button }).click(),
      ]);
      const status = (await request.response())?.status();
      // The Origin header is what Next.js checks before it runs a Server Action.
      const origin = (await request.allHeaders())["origin"];
      expect(status, `"${button}" posted with Origin: ${origin} and got ${status}`).toBe(200);
    };
    await submit("Send me a code");
    await page.getByRole("heading", { name: "Enter the code we texted you" }).waitFor();

    await page.getByLabel("6-digit code").fill(await codeFromOutbox(ctx, base, "0102"));
    await submit("Show my result");
    const banner = page.getByRole("region", { name: "Your account was affected" });
    await banner.waitFor();
    expect(await banner.textContent()).toContain("Current postpaid customers");

    expect(cspMessages).toEqual([]);
  });

  it("explains an invalid number next to the field", async () => {
    const ctx = await newContext();
    const page = await ctx.newPage();
    await page.goto(base);
    const field = page.getByLabel("Mobile number");
    await field.fill("555-0142");
    await page.getByRole("button", { name: "Send me a code" }).click();
    await page.getByText("This number is too short").waitFor();
    expect(await page.getByLabel("Mobile number").getAttribute("aria-invalid")).toBe("true");
    // Screen readers hear the error with the field, not only as a page alert.
    expect(await page.getByLabel("Mobile number").getAttribute("aria-describedby")).toContain("phone-error");
    expect(await page.getByLabel("Mobile number").inputValue()).toBe("555-0142");

    expect(cspMessages).toEqual([]);
  });

  // Runs last: every number the cases above typed must be absent from what the app wrote.
  it("leaves no raw number in its logs or its data directory", async () => {
    const typed = ["2065550100", "2065550199", "2065550102", "5550142"];
    const asTyped = ["(206) 555-0100", "+1 206 555 0199", "206.555.0102", "555-0142"];
    for (const n of [...typed, ...asTyped]) expect(output.includes(n) ? `${n} in the server output` : "").toBe("");
    const files = listFiles(tmp);
    if (!app.databaseUrl) expect(files.length).toBeGreaterThan(10); // the embedded database really lives there
    for (const file of files) {
      const bytes = readFileSync(file);
      for (const n of typed) {
        for (const form of [n, `+1${n}`]) expect(bytes.includes(form) ? `${form} in ${file}` : "").toBe("");
      }
    }
    if (app.databaseUrl) {
      // On PostgreSQL the data lives in the server: search every row of every table.
      const rows = await databaseText(app.databaseUrl);
      expect(rows).toContain("outbox_message"); // the tables were really read
      for (const n of typed)
        for (const form of [n, `+1${n}`]) expect(rows.includes(form) ? `${form} in the database` : "").toBe("");
    }
  });
});

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? listFiles(p) : [p];
  });
}

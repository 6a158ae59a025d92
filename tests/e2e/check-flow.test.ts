// The whole check in a real browser against the app started exactly as `npm start` does:
// embedded database in a fresh DATA_DIR, migrations, demo seed, build if needed, server.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { AxeBuilder } from "@axe-core/playwright";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "../..");
const CHROMIUM = "/usr/bin/chromium";
const hasChromium = existsSync(CHROMIUM);
const inCi = process.env.CI === "true";
const STARTUP_TIMEOUT_MS = 5 * 60_000;

if (!hasChromium && !inCi) {
  console.warn(`e2e: skipping the browser tests, ${CHROMIUM} is missing. Install it with: apt-get install -y chromium`);
}

/** A port nobody listens on right now (the OS picks it). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === "object" && addr ? resolve(addr.port) : reject(new Error("no port"))));
    });
  });
}

/** Polls /api/health until it answers 200; gives up early if the launcher exits. */
async function waitForHealth(base: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`npm start exited early (code ${child.exitCode}, signal ${child.signalCode})`);
    }
    try {
      const res = await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(5_000) });
      if (res.status === 200) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`/api/health did not answer 200 within ${timeoutMs / 1000}s`);
}

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/** The code most recently texted to a number ending in `last4`, read from /outbox like a demo user would. */
async function codeFromOutbox(context: BrowserContext, base: string, last4: string): Promise<string> {
  const tab = await context.newPage();
  try {
    await tab.goto(`${base}/outbox`);
    // Rows are newest first, so the first row for this number holds the current code.
    const row = tab.getByTestId("outbox-message").filter({ has: tab.getByRole("cell", { name: `•••${last4}`, exact: true }) }).first();
    const body = await row.textContent();
    const code = /\b(\d{6})\b/.exec(body ?? "")?.[1];
    if (!code) throw new Error(`no code in the outbox for •••${last4}: ${JSON.stringify(body)}`);
    return code;
  } finally {
    await tab.close();
  }
}

/** Fails on serious or critical axe violations, listing them readably. */
async function expectAccessible(page: Page, where: string): Promise<void> {
  const { violations, passes } = await new AxeBuilder({ page }).analyze();
  // Guards against auditing a blank or half-loaded page.
  expect(passes.length, `axe found nothing to check on ${where}`).toBeGreaterThan(0);
  const bad = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  const report = bad.map(
    (v) => `[${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n${v.nodes.map((n) => `    ${n.target.join(" ")}: ${n.failureSummary ?? ""}`).join("\n")}`,
  );
  expect(report, `accessibility violations on ${where}`).toEqual([]);
}

describe.skipIf(!hasChromium && !inCi)("check flow in a browser", () => {
  let tmp = "";
  let base = "";
  let app: ChildProcess | undefined;
  let output = "";
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  let cspMessages: string[] = [];

  beforeAll(async () => {
    if (!hasChromium) throw new Error(`${CHROMIUM} is missing: CI must install it (apt-get install -y chromium)`);
    tmp = mkdtempSync(path.join(os.tmpdir(), "exposure-e2e-"));
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    // A user's shell, not the unit project's: drop what its global setup leaks into process.env.
    const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: tmp, PORT: String(port) };
    for (const k of Object.keys(env)) {
      if (/^(DATABASE_URL|LOOKUP_|SMS_PROVIDER|EMBEDDED_DB|RATE_LIMIT|LOG_LEVEL)/.test(k)) delete env[k];
    }
    // Own process group, so teardown can reach a `next build` the launcher may be running.
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], { cwd: root, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
    app = child;
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    try {
      await waitForHealth(base, child, STARTUP_TIMEOUT_MS);
    } catch (e) {
      console.error(`npm start output:\n${output}`);
      throw e;
    }
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
  });

  afterAll(async () => {
    await browser?.close();
    if (app?.pid && app.exitCode === null && app.signalCode === null) {
      // SIGTERM: the launcher forwards it to the server, then closes the embedded database.
      process.kill(-app.pid, "SIGTERM");
      if (!(await waitForExit(app, 15_000))) {
        console.error(`npm start ignored SIGTERM; killing it. Output:\n${output}`);
        process.kill(-app.pid, "SIGKILL");
        await waitForExit(app, 5_000);
      }
    }
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  /** A fresh browser context that records every CSP complaint in the console. */
  async function newContext(options: { javaScriptEnabled?: boolean } = {}): Promise<BrowserContext> {
    context = await browser!.newContext(options);
    context.on("console", (msg) => {
      if (msg.text().includes("Content Security Policy")) cspMessages.push(`${msg.type()}: ${msg.text()} (${msg.location().url})`);
    });
    return context;
  }

  afterEach(async () => {
    await context?.close();
    context = undefined;
    cspMessages = [];
  });

  it("sends security headers with a nonce-based CSP", async () => {
    const res = await fetch(`${base}/`);
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
    await expectAccessible(page, "the check page");

    await page.getByLabel("Mobile number").fill("(206) 555-0100");
    await page.getByRole("button", { name: "Send me a code" }).click();
    await page.getByRole("heading", { name: "Enter the code we texted you" }).waitFor();
    await expectAccessible(page, "the code page");

    const code = await codeFromOutbox(ctx, base, "0100");
    await page.getByLabel("6-digit code").fill(code);
    await page.getByRole("button", { name: "Show my result" }).click();
    const banner = page.getByRole("region", { name: "This number is in the lists of affected accounts" });
    await banner.waitFor();
    const text = await banner.textContent();
    expect(text).toContain("Prepaid customers");
    expect(text).toContain("Account PIN");
    await expectAccessible(page, "the result page");

    await page.getByRole("link", { name: "What to do now: Prepaid customers" }).click();
    await page.waitForURL(/\/remediation\/[^/]+\/prepaid$/);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Prepaid customers");
    const steps = await page.getByRole("listitem").allTextContents();
    expect(steps.some((s) => s.includes("port-out protection"))).toBe(true);
    await expectAccessible(page, "the remediation page");

    await page.goto(`${base}/outbox`);
    expect(await page.getByTestId("outbox-message").count()).toBeGreaterThan(0);
    await expectAccessible(page, "the outbox");

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
    const banner = page.getByRole("region", { name: "We have no record of this number in the lists of affected accounts" });
    await banner.waitFor();
    expect(await page.getByText("This number is in the lists of affected accounts").count()).toBe(0);
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
    const banner = page.getByRole("region", { name: "This number is in the lists of affected accounts" });
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
    expect(files.length).toBeGreaterThan(10); // the embedded database really lives there
    for (const file of files) {
      const bytes = readFileSync(file);
      for (const n of typed) {
        for (const form of [n, `+1${n}`]) expect(bytes.includes(form) ? `${form} in ${file}` : "").toBe("");
      }
    }
  });
});

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? listFiles(p) : [p];
  });
}

// The integration API against the app started as `npm start` does: a key from the CLI
// (as the benchmark scripts take it) answering the exposures endpoint, the demo carrier
// account page in a real browser, and the API docs page, under the real CSP.
import { cspWatch } from "@/tests/support/csp-watch";
import { spawn } from "node:child_process";
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { hasChromium, inCi, launchChromium, root, startApp, type RunningApp } from "@/tests/support/e2e";

/** `npm run admin -- create-api-key` against the running app's database; the key is its last line. */
function createKey(app: RunningApp, name: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/admin.ts", "create-api-key", "--name", name], {
      cwd: root,
      env: app.env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    child.on("exit", (code) =>
      code === 0
        ? resolve(out.trimEnd().split("\n").at(-1)!)
        : reject(new Error(`create-api-key failed (${code}): ${err}`)),
    );
  });
}

describe.skipIf(!hasChromium && !inCi)("integration API", () => {
  let app: RunningApp;
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  const csp = cspWatch();
  const cspMessages = csp.messages;

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
    csp.reset();
  });

  async function newPage() {
    context = csp.listen(await browser!.newContext());
    return context.newPage();
  }

  it("answers a CLI-made key with the check's result, and refuses a call without one", async () => {
    const key = await createKey(app, "e2e login page");
    expect(key).toMatch(/^ek_live_[A-Za-z0-9_-]{43}$/);
    const res = await fetch(`${app.base}/api/v1/exposures/${encodeURIComponent("(206) 555-0103")}`, {
      headers: { authorization: `Bearer ${key}` },
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      phone: string;
      affected: boolean;
      exposures: { category: { slug: string } }[];
    };
    expect(body).toMatchObject({ phone: "+12065550103", affected: true });
    expect(body.exposures.map((x) => x.category.slug)).toEqual(["prepaid", "postpaid"]);

    const anonymous = await fetch(`${app.base}/api/v1/exposures/%2B12065550103`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get("www-authenticate")).toBe('Bearer realm="exposure-check"');

    const doc = (await (await fetch(`${app.base}/api/v1/openapi.json`)).json()) as {
      openapi: string;
      paths: Record<string, unknown>;
    };
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toContain("/api/v1/exposures/{phone}");
  });

  it("answers the lookup ahead of Next.js with the same headers its routes send, and leaves other methods and paths to it", async () => {
    const key = await createKey(app, "e2e headers");
    const auth = { authorization: `Bearer ${key}` };
    const lean = await fetch(`${app.base}/api/v1/exposures/%2B12065550199`, {
      headers: { ...auth, "x-request-id": "lean-1" },
    });
    const framework = await fetch(`${app.base}/api/health`);
    expect(lean.status).toBe(200);
    expect(lean.headers.get("x-request-id")).toBe("lean-1");
    expect(lean.headers.get("content-type")).toMatch(/^application\/json/);
    for (const name of [
      "x-content-type-options",
      "referrer-policy",
      "x-frame-options",
      "permissions-policy",
      "cross-origin-opener-policy",
      "strict-transport-security",
      "cache-control",
    ]) {
      expect([name, lean.headers.get(name)]).toEqual([name, framework.headers.get(name)]);
    }
    expect(lean.headers.get("strict-transport-security")).toMatch(/max-age=/);
    // Not its own: another method, a trailing slash, a deeper path.
    expect((await fetch(`${app.base}/api/v1/exposures/%2B12065550199`, { method: "POST", headers: auth })).status).toBe(
      405,
    );
    expect(
      (await fetch(`${app.base}/api/v1/exposures/%2B12065550199/`, { headers: auth, redirect: "manual" })).status,
    ).toBe(308);
    expect((await fetch(`${app.base}/api/v1/exposures/%2B12065550199/x`, { headers: auth })).status).toBe(404);
  });

  it("shows the demo account page's banner from the API, accessibly, under the CSP", async () => {
    const page = await newPage();
    await page.goto(`${app.base}/demo/account`);
    await page.getByRole("heading", { name: "Sign in to My Account" }).waitFor();
    await csp.audit(page, "the demo sign-in page");
    await page.getByLabel("Casey Morgan: +1 206-555-0103").check();
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/demo\/account\?account=casey$/);
    await page.getByRole("heading", { name: "Welcome back, Casey Morgan" }).waitFor();
    const banner = page.getByRole("region", { name: "Your account was affected" });
    expect(await banner.textContent()).toContain("Current postpaid customers");
    await csp.audit(page, "the demo account page");
    expect(cspMessages).toEqual([]);
  });

  it("renders the API docs without any script of its own or anything from elsewhere", async () => {
    const page = await newPage();
    const requests: string[] = [];
    page.on("request", (r) => requests.push(r.url()));
    await page.goto(`${app.base}/docs/api`);
    await page.getByRole("heading", { level: 1, name: "Exposure Check API" }).waitFor();
    expect(await page.getByRole("heading", { name: "GET /api/v1/exposures/{phone}" }).count()).toBe(1);
    await csp.audit(page, "the API docs");
    expect(requests.filter((u) => !u.startsWith(app.base))).toEqual([]);
    expect(cspMessages).toEqual([]);
    // The numbers looked up above never reach the server's output.
    expect(app.output()).not.toMatch(/5550103|555-0103/);
  });
});

// Spanish on the customer pages (ADR 29) and the shared page cache (ADR 30), against the
// app started as `npm start` does: the locale's negotiation with and without JavaScript,
// the headers that let a CDN keep the shared pages, the Spanish check end to end in
// Chromium, and axe on every customer page in both languages.
import { createHash } from "node:crypto";
import { get as httpGet } from "node:http";
import { Client } from "pg";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, hasChromium, inCi, launchChromium, startApp, type RunningApp } from "@/tests/support/e2e";

const REMEDIATION = "/remediation/2021-08-cyberattack/prepaid";
const sha = (s: string) => `'sha256-${createHash("sha256").update(s, "utf8").digest("base64")}'`;

describe.skipIf(!hasChromium && !inCi)("customer pages in English and Spanish", () => {
  let app: RunningApp;
  let base = "";
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  let cspMessages: string[] = [];

  beforeAll(async () => {
    app = await startApp();
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

  async function newPage(options: { javaScriptEnabled?: boolean; locale?: string } = {}): Promise<Page> {
    context = await browser!.newContext(options);
    context.on("console", (msg) => {
      if (msg.text().includes("Content Security Policy")) cspMessages.push(`${msg.text()} (${msg.location().url})`);
    });
    return context.newPage();
  }

  const head = (path: string, headers: Record<string, string> = {}) =>
    fetch(`${base}${path}`, { redirect: "manual", headers });
  const readers = async (path: string): Promise<[Response, Response]> => [
    await head(path, { cookie: "locale=en", "accept-language": "es" }),
    await head(path),
  ];
  // A connection of its own (no keep-alive), so the kernel may hand it to any process.
  const etagOnNewConnection = (path: string) =>
    new Promise<string | undefined>((resolve, reject) =>
      httpGet(`${base}${path}`, { agent: false }, (res) => {
        res.resume();
        res.on("end", () => resolve(res.headers.etag));
      }).on("error", reject),
    );

  it("sends an unprefixed page to its language: cookie, then Accept-Language, then English", async () => {
    const cases: [Record<string, string>, string][] = [
      [{ "accept-language": "es-US,es;q=0.9,en;q=0.5" }, "/es"],
      [{ "accept-language": "es-US", cookie: "locale=en" }, "/en"],
      [{ "accept-language": "en-US", cookie: "locale=es" }, "/es"],
      [{ "accept-language": "fr-FR" }, "/en"],
      [{}, "/en"],
    ];
    for (const [headers, to] of cases) {
      const res = await head("/", headers);
      expect(res.status, JSON.stringify(headers)).toBe(307);
      expect(new URL(res.headers.get("location")!, base).pathname).toBe(to);
      // Who asks decides where it goes: no shared cache may keep it.
      expect(res.headers.get("cache-control")).toBe("private, no-store");
      expect(res.headers.get("vary")).toBe("Cookie, Accept-Language");
    }
    const deep = await head(`${REMEDIATION}?from=sms`, { "accept-language": "es" });
    expect(deep.headers.get("location")).toMatch(new RegExp(`/es${REMEDIATION}\\?from=sms$`));
    // The console is not a customer page: it stays where it is, in English.
    expect((await head("/admin/sign-in", { "accept-language": "es" })).status).toBe(200);
  });

  it("serves the shared pages the same to everyone: shareable, no cookie, hashes in the CSP", async () => {
    for (const path of ["/en", "/es", `/en${REMEDIATION}`, `/es${REMEDIATION}`]) {
      // Two renders may stream React's payload in a different order, so every process
      // serves the render kept in the database first (ADR 39): a second reader, with
      // other cookies and languages, gets the first one's exact bytes and ETag from any
      // process. Just after the app starts, pages are served but not yet kept, and on a
      // busy machine a reader may even be shed (503): the pair is read again until the
      // first reader's page comes from the cache.
      let [first, second] = await readers(path);
      for (let i = 0; i < 30 && first.headers.get("x-page-cache") !== "hit"; i++) {
        await new Promise((r) => setTimeout(r, 500));
        [first, second] = await readers(path);
      }
      const [a, b] = [await first.text(), await second.text()];
      expect(first.status, path).toBe(200);
      expect(first.headers.get("etag"), path).toMatch(/^"/);
      expect(second.headers.get("etag"), `${path}: no reader got the first reader's page`).toBe(
        first.headers.get("etag"),
      );
      expect(b, `${path}: two readers, two different pages`).toBe(a);
      // Whichever process a new connection lands on serves that page.
      for (let i = 0; i < 6; i++)
        expect(await etagOnNewConnection(path), `${path}: another process, another page`).toBe(
          first.headers.get("etag"),
        );
      expect(a).toContain(`<html lang="${path.slice(1, 3)}"`);
      for (const res of [first, second]) {
        expect(res.headers.get("cache-control"), path).toMatch(/^public, .*s-maxage=\d+, stale-while-revalidate=\d+$/);
        expect(res.headers.get("set-cookie"), path).toBeNull();
        expect(res.headers.get("vary"), path).toBeNull();
      }
      const csp = first.headers.get("content-security-policy") ?? "";
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toMatch(/nonce|unsafe-inline/);
      expect(a).not.toContain("nonce=");
      const scripts = [...a.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].filter(
        ([, attrs, body]) => !/\bsrc=/.test(attrs!) && body,
      );
      expect(scripts.length, path).toBeGreaterThan(0);
      for (const [, , body] of scripts) expect(csp, path).toContain(sha(body!));
    }
    // The pages served are the ones kept for every process (on PostgreSQL, where the test can look).
    if (app.databaseUrl) {
      const client = new Client({ connectionString: app.databaseUrl });
      await client.connect();
      const { rows } = await client.query<{ n: number }>("SELECT count(*)::int AS n FROM shared_page");
      await client.end();
      expect(rows[0]!.n).toBeGreaterThanOrEqual(4);
    }
    // Per-request pages keep their nonce and stay private.
    const outbox = await head("/es/outbox");
    expect(outbox.headers.get("content-security-policy")).toMatch(/'nonce-/);
    expect(outbox.headers.get("cache-control")).toMatch(/no-store/);
  });

  it("switches language with a plain link, without JavaScript, and remembers it", async () => {
    const page = await newPage({ javaScriptEnabled: false, locale: "en-US" });
    await page.goto(`${base}${REMEDIATION}`);
    expect(new URL(page.url()).pathname).toBe(`/en${REMEDIATION}`);
    await page.getByRole("link", { name: "Español" }).click();
    await page.waitForURL(`**/es${REMEDIATION}`);
    expect(await page.locator("html").getAttribute("lang")).toBe("es");
    expect(await page.getByRole("heading", { name: "Qué hacer ahora" }).count()).toBe(1);
    // The cookie outranks the browser's English from now on.
    await page.goto(base);
    expect(new URL(page.url()).pathname).toBe("/es");
    await page.getByRole("link", { name: "English" }).click();
    await page.waitForURL(/\/en$/);
    await page.goto(`${base}/outbox`);
    expect(new URL(page.url()).pathname).toBe("/en/outbox");
  });

  it("runs the whole check in Spanish in Chromium, texting the code in Spanish", async () => {
    const page = await newPage({ locale: "es-US" });
    await page.goto(base);
    expect(new URL(page.url()).pathname).toBe("/es");
    expect(await page.locator("html").getAttribute("lang")).toBe("es");
    await expectAccessible(page, "la página de verificación");

    await page.getByLabel("Número de celular").fill("555-0142");
    await page.getByRole("button", { name: "Envíenme un código" }).click();
    await page.getByText("Este número es demasiado corto").waitFor();

    await page.getByLabel("Número de celular").fill("(206) 555-0100");
    await page.getByRole("button", { name: "Envíenme un código" }).click();
    await page.getByRole("heading", { name: "Escriba el código que le enviamos" }).waitFor();
    await expectAccessible(page, "la página del código");

    const outbox = await context!.newPage();
    await outbox.goto(`${base}/es/outbox`);
    const row = outbox.getByTestId("outbox-message").first();
    const text = (await row.textContent()) ?? "";
    expect(text).toContain("su código de Exposure Check es");
    const code = /\b(\d{6})\b/.exec(text)![1]!;
    await outbox.close();

    await page.getByLabel("Código de 6 dígitos").fill(code);
    await page.getByRole("button", { name: "Ver mi resultado" }).click();
    const banner = page.getByRole("region", { name: "Su cuenta se vio afectada" });
    await banner.waitFor();
    expect(await banner.textContent()).toContain("Datos expuestos");
    await expectAccessible(page, "el resultado");

    await page.getByRole("link", { name: /^Qué hacer ahora:/ }).click();
    await page.waitForURL(`**/es${REMEDIATION}`);
    await page.getByRole("heading", { name: "Qué hacer ahora" }).waitFor();
    expect(cspMessages).toEqual([]);
  });

  it("passes axe on every customer page in both languages", async () => {
    const page = await newPage();
    for (const locale of ["en", "es"]) {
      for (const path of [
        "",
        REMEDIATION,
        "/outbox",
        "/demo/account",
        "/demo/account?account=alex",
        "/remediation/none/none",
      ]) {
        await page.goto(`${base}/${locale}${path}`);
        expect(await page.locator("html").getAttribute("lang"), path).toBe(locale);
        await expectAccessible(page, `/${locale}${path}`);
      }
    }
    expect(cspMessages).toEqual([]);
  });
});

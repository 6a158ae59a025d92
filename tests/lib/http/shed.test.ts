// Load shedding on a real HTTP server, mounted as scripts/server.ts mounts it: past the
// threshold a new page or API request gets a fast 503 with Retry-After, while health and
// readiness (and the integration lookup) keep answering.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "@/lib/config";
import {
  createShedder,
  DELAY_NEEDS_IN_FLIGHT,
  isExempt,
  RETRY_AFTER_SECONDS,
  shedReason,
  type Shedder,
} from "@/lib/http/shed";
import { en } from "@/lib/i18n/messages/en";
import { es } from "@/lib/i18n/messages/es";
import { metrics } from "@/lib/metrics/registry";

describe("shedReason", () => {
  const both = { eventLoopDelayMs: 100, maxInFlight: 10 };
  it("sheds at the in-flight limit or past the event-loop delay, else admits", () => {
    expect(shedReason({ delayMs: 12, inFlight: 9 }, both)).toBeNull();
    expect(shedReason({ delayMs: 12, inFlight: 10 }, both)).toBe("in_flight");
    const queue = DELAY_NEEDS_IN_FLIGHT;
    expect(shedReason({ delayMs: 100, inFlight: queue }, both)).toBeNull();
    expect(shedReason({ delayMs: 101, inFlight: queue }, both)).toBe("event_loop_delay");
  });

  it("takes a late loop for overload only while requests of ours queue", () => {
    const delayOnly = { eventLoopDelayMs: 100, maxInFlight: null };
    // A lone reader on a busy machine, or just after start: admitted however late the loop.
    for (const inFlight of [0, 1, DELAY_NEEDS_IN_FLIGHT - 1])
      expect(shedReason({ delayMs: 5000, inFlight }, delayOnly)).toBeNull();
    expect(shedReason({ delayMs: 5000, inFlight: DELAY_NEEDS_IN_FLIGHT }, delayOnly)).toBe("event_loop_delay");
  });

  it("ignores a test that is off", () => {
    expect(shedReason({ delayMs: 5000, inFlight: 5000 }, { eventLoopDelayMs: null, maxInFlight: null })).toBeNull();
    expect(shedReason({ delayMs: 5000, inFlight: 0 }, { eventLoopDelayMs: null, maxInFlight: 1 })).toBeNull();
    expect(shedReason({ delayMs: 0, inFlight: 5000 }, { eventLoopDelayMs: 50, maxInFlight: null })).toBeNull();
  });

  it("never sheds the probes or the integration lookup", () => {
    for (const url of [
      "/api/health",
      "/api/ready",
      "/api/ready?x=1",
      "/api/v1/exposures/%2B12065550100",
      "/_next/static/chunks/app.js",
    ])
      expect([url, isExempt(url)]).toEqual([url, true]);
    for (const url of [
      "/",
      "/api/v1/checks",
      "/api/healthz",
      "/remediation/a/b",
      "/api/v1/exposures/1/2",
      "/_next/image",
    ])
      expect([url, isExempt(url)]).toEqual([url, false]);
  });
});

describe("SHED_EVENT_LOOP_DELAY_MS and SHED_MAX_IN_FLIGHT", () => {
  const base = {
    DATABASE_URL: "postgresql://postgres@127.0.0.1:5555/postgres",
    EMBEDDED_DB: "1",
    LOOKUP_SECRET: "s".repeat(40),
  };
  it("default to a 100 ms median delay and 128 requests in flight, each can be off", () => {
    expect(parseConfig(base).shed).toEqual({ eventLoopDelayMs: 100, maxInFlight: 128 });
    expect(parseConfig({ ...base, SHED_EVENT_LOOP_DELAY_MS: "off", SHED_MAX_IN_FLIGHT: "64" }).shed).toEqual({
      eventLoopDelayMs: null,
      maxInFlight: 64,
    });
    expect(parseConfig({ ...base, SHED_EVENT_LOOP_DELAY_MS: "250", SHED_MAX_IN_FLIGHT: "off" }).shed).toEqual({
      eventLoopDelayMs: 250,
      maxInFlight: null,
    });
  });

  it("refuse anything else, in an operator's words", () => {
    try {
      parseConfig({ ...base, SHED_EVENT_LOOP_DELAY_MS: "5", SHED_MAX_IN_FLIGHT: "lots" });
      expect.fail("accepted");
    } catch (e) {
      expect((e as ConfigError).problems).toEqual([
        "SHED_EVENT_LOOP_DELAY_MS: must be a whole number from 10 to 60000, or off",
        "SHED_MAX_IN_FLIGHT: must be a whole number from 1 to 100000, or off",
      ]);
    }
  });
});

let server: Server | undefined;
let shed: Shedder | undefined;
async function closeServer() {
  shed?.stop();
  server?.closeAllConnections();
  if (server) await new Promise((r) => server!.close(r));
  server = shed = undefined;
}
afterEach(closeServer);

/** A server whose handler holds "/slow" until released, behind the shedder. */
async function serve(s: Shedder) {
  shed = s;
  const held: (() => void)[] = [];
  server = createServer((req, res) => {
    if (s(req, res)) return;
    const answer = () => res.writeHead(200, { "content-type": "text/plain" }).end("ok");
    if (req.url === "/slow") held.push(answer);
    else answer();
  });
  await new Promise<void>((r) => server!.listen(0, "127.0.0.1", r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { base, release: () => held.splice(0).forEach((f) => f()) };
}

const shedCount = async (reason: string) =>
  Number(
    new RegExp(`^exposure_http_shed_total\\{reason="${reason}"\\} (\\d+)`, "m").exec(
      await metrics().registry.metrics(),
    )?.[1],
  );

describe("createShedder on a real server", () => {
  it("past SHED_MAX_IN_FLIGHT answers 503 with Retry-After: a page, or the JSON error under /api/", async () => {
    const { base, release } = await serve(
      createShedder({ eventLoopDelayMs: null, maxInFlight: 1 }, { production: true }),
    );
    const before = await shedCount("in_flight");
    const slow = fetch(`${base}/slow`);
    await expect.poll(() => shed!.inFlight()).toBe(1);

    const page = await fetch(`${base}/remediation/2021-08-cyberattack/prepaid`);
    expect(page.status).toBe(503);
    expect(page.headers.get("retry-after")).toBe(String(RETRY_AFTER_SECONDS));
    expect(page.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(page.headers.get("cache-control")).toBe("no-store");
    expect(page.headers.get("strict-transport-security")).toMatch(/max-age=/);
    const html = await page.text();
    expect(html).toContain(`<h1>${en.errors.overloaded_title}</h1>`);
    expect(html).toContain(en.errors.overloaded);
    expect(html).not.toMatch(/<script/);

    const api = await fetch(`${base}/api/v1/checks`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ phone: "206-555-0100" }),
    });
    expect(api.status).toBe(503);
    expect(api.headers.get("retry-after")).toBe(String(RETRY_AFTER_SECONDS));
    expect(api.headers.get("content-type")).toBe("application/json");
    expect(await api.json()).toEqual({
      error: { code: "overloaded", message: en.errors.overloaded, retryAfterSeconds: RETRY_AFTER_SECONDS },
    });

    // In the reader's language: the path's, else the cookie's or the browser's; an API caller's.
    expect(await (await fetch(`${base}/es/remediation/a/b`)).text()).toContain(
      `<h1>${es.errors.overloaded_title}</h1>`,
    );
    const negotiated = await fetch(`${base}/`, { headers: { "accept-language": "es-US,es;q=0.9" } });
    expect(await negotiated.text()).toContain('<html lang="es">');
    const spanishApi = await fetch(`${base}/api/v1/checks`, { method: "POST", headers: { "accept-language": "es" } });
    expect(((await spanishApi.json()) as { error: { message: string } }).error.message).toBe(es.errors.overloaded);

    for (const probe of ["/api/health", "/api/ready"]) expect((await fetch(`${base}${probe}`)).status).toBe(200);
    expect(await shedCount("in_flight")).toBe(before + 5);

    release();
    expect((await slow).status).toBe(200);
    await expect.poll(() => shed!.inFlight()).toBe(0);
    expect((await fetch(`${base}/`)).status).toBe(200);
  });

  it("sheds while the event loop is late and requests queue, and admits again once it keeps time", async () => {
    const { base, release } = await serve(
      createShedder({ eventLoopDelayMs: 30, maxInFlight: null }, { production: false }),
    );
    expect((await fetch(`${base}/`)).status).toBe(200);
    const before = await shedCount("event_loop_delay");

    // Every turn of the loop now takes 80 ms, as past capacity.
    const busy = setInterval(() => {
      const until = performance.now() + 80;
      while (performance.now() < until);
    }, 0);
    const queued: Promise<Response>[] = [];
    try {
      await new Promise((r) => setTimeout(r, 1200));
      // Late, but nothing of ours queues: a lone reader is admitted.
      expect((await fetch(`${base}/`)).status).toBe(200);
      for (let i = 0; i < DELAY_NEEDS_IN_FLIGHT; i++) queued.push(fetch(`${base}/slow`));
      await expect.poll(() => shed!.inFlight(), { timeout: 5000 }).toBe(DELAY_NEEDS_IN_FLIGHT);
      expect((await fetch(`${base}/`)).status).toBe(503);
      expect((await fetch(`${base}/api/health`)).status).toBe(200);
      expect((await fetch(`${base}/_next/static/chunks/app.js`)).status).toBe(200);
    } finally {
      clearInterval(busy);
    }
    expect(await shedCount("event_loop_delay")).toBe(before + 1);
    await new Promise((r) => setTimeout(r, 1200));
    expect((await fetch(`${base}/`)).status).toBe(200);
    release();
    for (const res of await Promise.all(queued)) expect(res.status).toBe(200);
  });

  it("never sheds when both tests are off, or without settings", async () => {
    for (const settings of [null, { eventLoopDelayMs: null, maxInFlight: null }]) {
      const s = createShedder(settings, { production: false, delayMs: () => 10_000 });
      const { base, release } = await serve(s);
      const slow = fetch(`${base}/slow`);
      expect((await fetch(`${base}/`)).status).toBe(200);
      release();
      await slow;
      await closeServer();
    }
  });
});

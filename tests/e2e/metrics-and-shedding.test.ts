// The real server (as `npm start` runs it; two processes under node:cluster on e2e-pg)
// with METRICS_PORT and a tiny shedding threshold: /metrics only on its own port and
// with its token, requests counted by route pattern with no number, and past the
// threshold a page or API call gets a fast 503 while health and readiness answer.
import { connect, createServer, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type RunningApp } from "@/tests/support/e2e";

const TOKEN = "e2e-metrics-token-0123456789";
let app: RunningApp;
let metricsBase: string;
const held: Socket[] = [];

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer().listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/** A request sent again while SHED_MAX_IN_FLIGHT=1 sheds it (the last response not yet closed). */
async function unshed(send: () => Promise<Response>): Promise<Response> {
  for (let i = 0; ; i++) {
    const res = await send();
    if (res.status !== 503 || i === 5) return res;
    await res.text();
    await new Promise((r) => setTimeout(r, 100));
  }
}

const scrape = async () => {
  const res = await fetch(`${metricsBase}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
  expect(res.status).toBe(200);
  return res.text();
};

beforeAll(async () => {
  const metricsPort = await freePort();
  metricsBase = `http://127.0.0.1:${metricsPort}`;
  app = await startApp({
    METRICS_PORT: String(metricsPort),
    METRICS_TOKEN: TOKEN,
    SHED_MAX_IN_FLIGHT: "1",
    SHED_EVENT_LOOP_DELAY_MS: "off",
    RATE_LIMITS: "off",
    // The shedding test holds one request in each of e2e-pg's two processes: round-robin
    // (Node's own override of ADR 37's default) puts one connection on each, in turn.
    NODE_CLUSTER_SCHED_POLICY: "rr",
  });
});
afterAll(async () => {
  for (const s of held) s.destroy();
  await app?.stop();
});

describe("metrics on the real server", () => {
  it("are served on their own port with the token, never on the public one", async () => {
    expect((await fetch(`${app.base}/metrics`)).status).toBe(404);
    expect((await fetch(`${metricsBase}/metrics`)).status).toBe(401);
    expect(
      (await fetch(`${metricsBase}/metrics`, { headers: { authorization: "Bearer nope-nope-nope-nope" } })).status,
    ).toBe(401);
    const text = await scrape();
    expect(text).toMatch(/^exposure_ready 1$/m);
    expect(text).toContain("# TYPE nodejs_eventloop_lag_p99_seconds gauge");
  });

  it("count a check's requests by route pattern, with no number in any label", async () => {
    const before = await scrape();
    const count = (text: string) =>
      Number(
        /^exposure_http_request_duration_seconds_count\{route="\/api\/v1\/checks",method="POST",status="202"\} (\d+)$/m.exec(
          text,
        )?.[1] ?? 0,
      );
    const res = await fetch(`${app.base}/api/v1/checks`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ phone: "+1 206 555 0100" }),
    });
    expect(res.status).toBe(202);
    await res.text();
    await (await fetch(`${app.base}/api/v1/exposures/%2B12065550100`)).text();
    // SHED_MAX_IN_FLIGHT is 1 here: the server may not yet have seen the last response
    // close when the next request arrives, so the page may be shed once before it answers.
    await expect
      .poll(async () => {
        const page = await fetch(`${app.base}/remediation/2021-08-cyberattack/prepaid`);
        await page.text(); // a request is counted when its response has ended
        return page.status;
      })
      .toBe(200);
    const after = await scrape();
    expect(count(after)).toBe(count(before) + 1);
    expect(after).toMatch(/route="\/api\/v1\/exposures\/\[phone\]",method="GET",status="401"/);
    expect(after).toMatch(/route="\/remediation\/\[incident\]\/\[category\]",method="GET",status="200"/);
    expect(after).not.toMatch(/2065550100|555-0100|@/);
  });

  it("move the check and text counters when a check runs", async () => {
    // Every app process's counts, summed by the primary under node:cluster (e2e-pg).
    const value = (text: string, series: string) =>
      Number(new RegExp(`^${series.replace(/[{}"]/g, (c) => `\\${c}`)} (\\d+)$`, "m").exec(text)?.[1] ?? 0);
    const series = [
      "exposure_checks_started_total",
      "exposure_checks_verified_total",
      'exposure_checks_completed_total{affected="true"}',
      'exposure_sms_sent_total{provider="outbox"}',
    ];
    const before = await scrape();
    const started = await unshed(() =>
      fetch(`${app.base}/api/v1/checks`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ phone: "+1 206 555 0102" }),
      }),
    );
    expect(started.status).toBe(202);
    const { checkId } = (await started.json()) as { checkId: string };
    const outbox = (await (await unshed(() => fetch(`${app.base}/api/dev/outbox`))).json()) as {
      messages: { to: string; body: string }[];
    };
    const code = /\b(\d{6})\b/.exec(outbox.messages.find((m) => m.to.endsWith("0102"))!.body)![1];
    const verified = await unshed(() =>
      fetch(`${app.base}/api/v1/checks/${checkId}/verify`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ code }),
      }),
    );
    expect(verified.status).toBe(200);
    await verified.text();
    const after = await scrape();
    expect(series.map((s) => [s, value(after, s) - value(before, s)])).toEqual(series.map((s) => [s, 1]));
    expect(after).toMatch(/route="\/api\/v1\/checks\/\[checkId\]\/verify",method="POST",status="200"/);
    expect(after).not.toMatch(new RegExp(`2065550102|555-0102|@|${checkId}`));
  });
});

describe("load shedding on the real server", () => {
  it("past SHED_MAX_IN_FLIGHT answers 503 at once, while health and readiness answer", async () => {
    // Requests whose bodies never finish stay in flight: one per app process.
    for (let i = 0; i < 2; i++) {
      const socket = connect(Number(new URL(app.base).port), "127.0.0.1");
      socket.write(
        "POST /api/v1/checks HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{",
      );
      held.push(socket);
    }
    await new Promise((r) => setTimeout(r, 500));
    for (const url of ["/", "/remediation/2021-08-cyberattack/prepaid"]) {
      const page = await fetch(`${app.base}${url}`);
      expect([url, page.status]).toEqual([url, 503]);
      expect(page.headers.get("retry-after")).toBe("5");
      expect(await page.text()).toContain("<h1>");
    }
    const api = await fetch(`${app.base}/api/v1/checks`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ phone: "+1 206 555 0101" }),
    });
    expect(api.status).toBe(503);
    expect(((await api.json()) as { error: { code: string } }).error.code).toBe("overloaded");
    expect((await fetch(`${app.base}/api/health`)).status).toBe(200);
    expect((await fetch(`${app.base}/api/ready`)).status).toBe(200);
    expect(await scrape()).toMatch(/^exposure_http_shed_total\{reason="in_flight"\} [1-9]/m);

    for (const s of held.splice(0)) s.destroy();
    await expect.poll(async () => (await fetch(`${app.base}/`)).status, { timeout: 10_000 }).toBe(200);
  });
});

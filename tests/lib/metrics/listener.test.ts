// GET /metrics on its own listener: the token in constant time, nothing else served, and
// under node:cluster one scrape of the primary sums every app process.
import { spawn, type ChildProcess } from "node:child_process";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearerMatches, startMetrics } from "@/lib/metrics/listener";
import { countCheckStarted } from "@/lib/metrics/registry";

const TOKEN = "metrics-token-for-tests-0123";
let server: Server;
let base: string;

beforeAll(async () => {
  server = (await startMetrics({ port: 0, host: "127.0.0.1", token: TOKEN }, "single"))!;
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
});

const scrape = (init?: RequestInit, at = "/metrics") => fetch(`${base}${at}`, init);

describe("the metrics listener", () => {
  it("refuses a scrape without the token, or with another one", async () => {
    for (const authorization of [undefined, "Bearer wrong-token-of-some-length", `Basic ${TOKEN}`, "Bearer ", TOKEN]) {
      const res = await scrape(authorization ? { headers: { authorization } } : undefined);
      expect([authorization, res.status]).toEqual([authorization, 401]);
      expect(res.headers.get("www-authenticate")).toBe('Bearer realm="metrics"');
      expect(await res.text()).toBe("");
    }
  });

  it("serves the Prometheus text with the token, carrying every family", async () => {
    countCheckStarted();
    const res = await scrape({ headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    for (const family of [
      "exposure_http_request_duration_seconds",
      "exposure_http_shed_total",
      "exposure_checks_started_total",
      "exposure_checks_verified_total",
      "exposure_checks_completed_total",
      "exposure_sms_sent_total",
      "exposure_sms_refused_total",
      "exposure_rate_limit_refusals_total",
      "exposure_lookup_batch_size",
      "exposure_lookup_batch_duration_seconds",
      "exposure_db_pool_connections",
      "exposure_db_pool_idle",
      "exposure_db_pool_waiting",
      "exposure_import_rows",
      "exposure_import_rows_per_second",
      "exposure_import_progress_ratio",
      "exposure_imports_running",
      "exposure_ready",
      "nodejs_eventloop_lag_p99_seconds",
    ])
      expect(text).toContain(`# TYPE ${family} `);
    expect(text).toMatch(/^exposure_checks_started_total [1-9]/m);
  });

  it("answers nothing but GET /metrics", async () => {
    const auth = { authorization: `Bearer ${TOKEN}` };
    expect((await scrape({ headers: auth }, "/")).status).toBe(404);
    expect((await scrape({ headers: auth }, "/api/health")).status).toBe(404);
    expect((await scrape({ headers: auth }, "/metrics/x")).status).toBe(404);
    expect((await scrape({ method: "POST", headers: auth })).status).toBe(405);
  });

  it("compares the bearer token whole", () => {
    expect(bearerMatches(`Bearer ${TOKEN}`, TOKEN)).toBe(true);
    expect(bearerMatches(`bearer  ${TOKEN} `, TOKEN)).toBe(true);
    expect(bearerMatches(`Bearer ${TOKEN}x`, TOKEN)).toBe(false);
    expect(bearerMatches(`Bearer ${TOKEN.slice(0, -1)}`, TOKEN)).toBe(false);
    expect(bearerMatches(undefined, TOKEN)).toBe(false);
  });

  it("stays off without METRICS_PORT", async () => {
    expect(await startMetrics(null, "single")).toBeNull();
  });
});

describe("under node:cluster", () => {
  let child: ChildProcess;
  afterAll(() => {
    child?.kill("SIGTERM");
  });

  it("the primary's scrape sums every app process", async () => {
    const root = path.resolve(__dirname, "../../..");
    child = spawn(process.execPath, ["--import", "tsx", "tests/support/metrics-cluster.ts"], {
      cwd: root,
      stdio: ["ignore", "pipe", "inherit"],
    });
    const port = await new Promise<string>((resolve, reject) => {
      let out = "";
      child.stdout!.on("data", (d: Buffer) => {
        out += d.toString();
        const m = /port (\d+)/.exec(out);
        if (m) resolve(m[1]!);
      });
      child.on("exit", (code) => reject(new Error(`the cluster exited with ${code}: ${out}`)));
    });
    const res = await fetch(`http://127.0.0.1:${port}/metrics`, {
      headers: { authorization: "Bearer test-metrics-token-0123" },
    });
    expect(res.status).toBe(200);
    const text = await res.text();
    // 3 in one process, 4 in the other.
    expect(text).toMatch(/^exposure_checks_started_total 7$/m);
    expect(text).toContain("# TYPE nodejs_eventloop_lag_p99_seconds gauge");
  }, 60_000);
});

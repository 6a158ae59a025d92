// `npm start` as a process manager runs it: readiness, request logs without numbers, and
// a graceful SIGTERM (the request in flight completes, then exit 0). Its own launcher
// rather than startApp(): the test needs the launcher's exit code and signals it alone.
// On PostgreSQL (e2e-pg) the app runs as two processes (node:cluster), which must drain
// and exit together.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { request } from "node:http";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import { root } from "@/tests/support/e2e";
import { dropScratchDatabase, scratchDatabase } from "@/tests/support/postgres";

const onPostgres = process.env.TEST_STORE === "postgres";
let databaseUrl: string | undefined;

let launcher: ChildProcess;
let output = "";
let base: string;
let port: number;
let dataDir: string;
const exited = () =>
  new Promise<number | null>((resolve) =>
    launcher.exitCode !== null ? resolve(launcher.exitCode) : launcher.once("exit", (code) => resolve(code)),
  );

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer().listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

async function until<T>(what: string, ms: number, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (launcher.exitCode !== null)
      throw new Error(`npm start exited (${launcher.exitCode}) while waiting for ${what}:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}:\n${output}`);
}

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), "exposure-shutdown-"));
  port = await freePort();
  base = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: String(port) };
  for (const k of Object.keys(env))
    if (
      /^(DATABASE_URL|LOOKUP_|SMS_PROVIDER|TWILIO_|EMBEDDED_DB|RATE_LIMIT|LOG_LEVEL|IMPORT_|REDIS_URL|WEB_CONCURRENCY)/.test(
        k,
      )
    )
      delete env[k];
  if (onPostgres) {
    databaseUrl = await scratchDatabase("exposure_shutdown");
    Object.assign(env, {
      DATABASE_URL: databaseUrl,
      LOOKUP_SECRET: randomBytes(32).toString("hex"),
      SMS_PROVIDER: "outbox",
      WEB_CONCURRENCY: "2",
    });
  }
  launcher = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    cwd: root,
    env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  launcher.stdout!.on("data", (d: Buffer) => (output += d.toString()));
  launcher.stderr!.on("data", (d: Buffer) => (output += d.toString()));
  await until("/api/health", 5 * 60_000, async () => ((await fetch(`${base}/api/health`)).ok ? true : undefined));
});

afterAll(async () => {
  if (launcher.pid && launcher.exitCode === null) process.kill(-launcher.pid, "SIGKILL");
  rmSync(dataDir, { recursive: true, force: true });
  if (databaseUrl) await dropScratchDatabase(databaseUrl);
});

describe("running behind a load balancer", () => {
  it("is ready once the database answers and every migration is applied", async () => {
    const res = await fetch(`${base}/api/ready`);
    expect([res.status, await res.json()]).toEqual([200, { status: "ready" }]);
  });

  it("logs each request as a JSON line with its id, masking the number in an exposures path", async () => {
    const res = await fetch(`${base}/api/v1/exposures/+12065550100`, { headers: { "x-request-id": "lb-test-1" } });
    expect(res.headers.get("x-request-id")).toBe("lb-test-1");
    const line = await until("the request's log line", 5_000, async () =>
      output.split("\n").find((l) => l.includes('"reqId":"lb-test-1"')),
    );
    expect(JSON.parse(line)).toMatchObject({
      level: "info",
      msg: "request",
      method: "GET",
      path: "/api/v1/exposures/[redacted]",
      status: res.status,
    });
  });

  it("on SIGTERM stops accepting connections, finishes the request in flight and exits 0", async () => {
    const body = JSON.stringify({ phone: "(206) 555-0100" });
    const half = Math.floor(body.length / 2);
    // A start whose body arrives in two parts: in flight when the signal comes. The
    // server's 100 Continue says it has taken the request (Node answers it just before
    // handing the request over), so no guess at how long that takes under load.
    const req = request(`${base}/api/v1/checks`, {
      method: "POST",
      headers: { "content-type": "application/json", "content-length": body.length, expect: "100-continue" },
    });
    const taken = new Promise<void>((resolve) => req.once("continue", resolve));
    const answered = new Promise<{ status: number; connection?: string; text: string }>((resolve, reject) => {
      req.on("response", (res) => {
        let text = "";
        res.on("data", (d: Buffer) => (text += d.toString()));
        res.on("end", () => resolve({ status: res.statusCode!, connection: res.headers.connection, text }));
      });
      req.on("error", reject);
    });
    req.flushHeaders();
    await taken;
    req.write(body.slice(0, half));

    process.kill(launcher.pid!, "SIGTERM");
    // The signal reaches the app processes through the launcher (and the cluster's
    // primary); probing before they have it would put a probe in flight too.
    const processes = onPostgres ? 2 : 1;
    await until("every app process to start shutting down", 10_000, async () =>
      output.split("\n").filter((l) => l.includes('"msg":"shutting down')).length === processes ? true : undefined,
    );
    await until("the listener to close", 10_000, async () => {
      try {
        await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(1_000) });
        return undefined;
      } catch {
        return true;
      }
    });
    expect(launcher.exitCode).toBeNull();

    req.end(body.slice(half));
    const res = await answered;
    expect(res.status).toBe(202);
    expect(JSON.parse(res.text)).toMatchObject({ status: "code_sent" });
    expect(res.connection).toBe("close");

    expect(await Promise.race([exited(), new Promise((r) => setTimeout(() => r("still running"), 30_000))])).toBe(0);
    const lines = output
      .split("\n")
      .filter((l) => l.startsWith("{"))
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toContainEqual(
      expect.objectContaining({ msg: expect.stringMatching(/^shutting down/), signal: "SIGTERM", inFlight: 1 }),
    );
    expect(lines).toContainEqual(
      expect.objectContaining({ msg: "request", method: "POST", path: "/api/v1/checks", status: 202 }),
    );
    // Every app process drained and stopped (two on PostgreSQL, under node:cluster).
    expect(lines.filter((l) => l.msg === "stopped" && l.drained === true)).toHaveLength(processes);
    if (onPostgres)
      expect(lines).toContainEqual(expect.objectContaining({ msg: "app processes started", processes: 2 }));
    expect(output).not.toMatch(/2065550100|206\D{0,3}555\D{0,3}0100/);
  }, 60_000);
});

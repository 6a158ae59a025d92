// What the HTTP benchmarks (bench:lookup, bench:checks) share: a fresh database, the app
// started as `npm start` starts it, and autocannon runs with their figures.
import { spawn, type ChildProcess } from "node:child_process";
import type { EventEmitter } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { Client } from "pg";
import { runningEmbeddedUrl } from "@/lib/db/embedded";

export const root = path.resolve(__dirname, "..");
export const BENCH_SECRET = "bench-secret-0123456789abcdef0123456789abcdef";
const adminUrl = process.env.BENCH_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

/** `--name N` from the command line, as a number. */
export function numberOption(name: string): number | undefined {
  const argv = process.argv.slice(2);
  const i = argv.indexOf(name);
  return i >= 0 ? Number(argv[i + 1]) : undefined;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
    s.on("error", reject);
  });
}

async function waitForHealth(base: string, child: ChildProcess) {
  for (let i = 0; i < 900; i++) {
    if (child.exitCode !== null) throw new Error(`the app exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error("the app did not become healthy in 15 minutes");
}

/** Runs a node script of this project to its end; resolves with its stdout. */
export function runScript(cmd: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, cmd, { cwd: root, env, stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.on("exit", (code) => (code === 0 ? resolve(out) : reject(new Error(`${cmd.join(" ")} exited with ${code}`))));
  });
}

export type App = { base: string; env: NodeJS.ProcessEnv; databaseUrl: string; stop: () => Promise<void> };

/**
 * Builds if needed and starts the app (scripts/start.ts) on a fresh database named
 * `database` on the PostgreSQL at 127.0.0.1:5432, or on a fresh embedded one; resolves
 * once /api/health answers. `env` adds to the bench's settings (RATE_LIMITS=off, the
 * outbox, warnings only).
 */
export async function startApp(options: { database: string; embedded: boolean; env?: Record<string, string> }) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    LOOKUP_SECRET: BENCH_SECRET,
    LOOKUP_KEY_VERSION: "1",
    SMS_PROVIDER: "outbox",
    RATE_LIMITS: "off",
    LOG_LEVEL: "warn",
    PORT: String(port),
    ...options.env,
  };
  let dataDir: string | undefined;
  if (options.embedded) {
    dataDir = mkdtempSync(path.join(os.tmpdir(), `exposure-${options.database}-`));
    env.DATA_DIR = dataDir;
    delete env.DATABASE_URL;
  } else {
    const admin = new Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${options.database} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${options.database}`);
    await admin.end();
    env.DATABASE_URL = adminUrl.replace(/\/[^/]*$/, `/${options.database}`);
  }
  console.log(
    `Building (if needed) and starting the app on ${options.embedded ? "the embedded database" : "PostgreSQL at 127.0.0.1:5432"}…`,
  );
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    cwd: root,
    env,
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  const stop = async () => {
    try {
      process.kill(-child.pid!, "SIGTERM");
    } catch {
      /* gone */
    }
    await new Promise((r) => setTimeout(r, 3000));
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitForHealth(base, child);
    const databaseUrl = dataDir ? runningEmbeddedUrl(dataDir) : env.DATABASE_URL!;
    if (!databaseUrl) throw new Error("cannot find the embedded database's address");
    return { base, env, databaseUrl, stop } satisfies App;
  } catch (e) {
    await stop();
    throw e;
  }
}

export type Target = {
  name: string;
  /** Default: the app's own address. */
  base?: string;
  connections: number;
  /** autocannon's request list; default: GET each of `paths` in turn. */
  requests?: autocannon.Request[];
  paths?: string[];
  headers?: Record<string, string>;
  /** Requests a second across all connections; default: as fast as they go. */
  overallRate?: number;
  /**
   * Driven from a worker thread of its own (one path, no per-request hooks): a flood's
   * responses then cost the measured target's load generator nothing.
   */
  ownThread?: boolean;
};

export type Figures = {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  failed: number;
  /** Each response's latency (ms), by status; kept only when asked for. */
  byStatus?: Map<number, number[]>;
};

/** Drives each target with its own autocannon, all at once: 3 s of warm-up, then `seconds`. */
export async function drive(
  base: string,
  targets: Target[],
  seconds: number,
  options: { byStatus?: boolean; warmUp?: number } = {},
): Promise<Figures[]> {
  const runs = targets.map((t) => {
    let i = 0;
    const paths = t.paths ?? ["/"];
    if (t.ownThread)
      return { url: `${t.base ?? base}${paths[0]}`, connections: t.connections, headers: t.headers ?? {}, workers: 1 };
    return {
      url: t.base ?? base,
      connections: t.connections,
      headers: t.headers ?? {},
      ...(t.overallRate ? { overallRate: t.overallRate } : {}),
      requests: t.requests ?? [
        {
          method: "GET" as const,
          setupRequest: (req: autocannon.Request) => ({ ...req, path: paths[i++ % paths.length] }),
        },
      ],
    };
  });
  const warmUp = options.warmUp ?? 3;
  if (warmUp > 0) await Promise.all(runs.map((opts) => autocannon({ ...opts, duration: warmUp })));
  const results = await Promise.all(
    runs.map((opts) => {
      const byStatus = new Map<number, number[]>();
      // Without a callback autocannon returns its tracker, an EventEmitter that is also a promise.
      const instance = autocannon({ ...opts, duration: seconds }) as Promise<autocannon.Result> & EventEmitter;
      if (options.byStatus)
        instance.on("response", (_client: unknown, status: number, _bytes: number, ms: number) => {
          const list = byStatus.get(status) ?? [];
          list.push(ms);
          byStatus.set(status, list);
        });
      return instance.then((r) => ({ r, byStatus }));
    }),
  );
  return results.map(({ r, byStatus }, k) => ({
    name: targets[k]!.name,
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    failed: r.non2xx + r.errors + r.timeouts,
    ...(options.byStatus ? { byStatus } : {}),
  }));
}

/** The p-th percentile (0–100) of some latencies. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export const rps = (n: number) => Math.round(n).toLocaleString("en-US");
export const ms = (n: number) => `${n.toFixed(1).padStart(6)} ms`;

export function printFigures(f: Figures, note = "") {
  console.log(
    `${f.name.padEnd(40)} ${rps(f.rps).padStart(7)} rps   p50 ${ms(f.p50)}   p99 ${ms(f.p99)}${f.failed ? `   (${f.failed} non-2xx/errors)` : ""}${note}`,
  );
}

/** The machine's 1-minute load average, printed beside the figures on a shared machine. */
export const loadAverage = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(", ");

// `npm run bench:lookup -- [--embedded] [--rows N] [--seconds S]`: builds for production,
// starts the app on a fresh database holding N affected rows (10M on the PostgreSQL at
// 127.0.0.1:5432, 1M on the embedded store), creates an API key with the admin CLI, then
// drives GET /api/v1/exposures/{phone} (with the key) and GET /api/health with autocannon
// at 50 connections each from loopback, each alone and then side by side, and prints rps,
// p50 and p99. WEB_CONCURRENCY sets the app processes (default: one per core on PostgreSQL).
import { spawn, type ChildProcess } from "node:child_process";
import { createHmac } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { Client } from "pg";
import { runningEmbeddedUrl } from "@/lib/db/embedded";
import { normalizePhone } from "@/lib/phone/normalize";

const root = path.resolve(__dirname, "..");
const argv = process.argv.slice(2);
const embedded = argv.includes("--embedded");
const option = (name: string) => {
  const i = argv.indexOf(name);
  return i >= 0 ? Number(argv[i + 1]) : undefined;
};
const rows = option("--rows") ?? (embedded ? 1_000_000 : 10_000_000);
const seconds = option("--seconds") ?? 15;
const adminUrl = process.env.BENCH_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const SECRET = "bench-secret-0123456789abcdef0123456789abcdef";
const CONNECTIONS = 50;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
    s.on("error", reject);
  });
}

/** Valid numbers to look up: half of them stored (affected), half not. */
function queryNumbers(count: number): string[] {
  const out: string[] = [];
  for (let i = 0; out.length < count; i++) {
    const n = `+1253${String(2_000_000 + i * 7919).padStart(7, "0")}`;
    if (normalizePhone(n, "US").ok) out.push(n);
  }
  return out;
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

/** Fills affected_account: N-ish synthetic hashes (sha256 of a counter, in SQL) plus the query numbers' real ones. */
async function load(url: string, affectedNumbers: string[]) {
  const db = new Client({ connectionString: url });
  await db.connect();
  try {
    const cat = await db.query<{ id: number; incident_id: number }>(
      `SELECT id, incident_id FROM category WHERE slug = 'postpaid' ORDER BY id LIMIT 1`,
    );
    const { id: categoryId, incident_id: incidentId } = cat.rows[0]!;
    const batch = await db.query<{ id: number }>(
      `INSERT INTO import_batch (source, incident_id, category_id, key_version, status, phase, rows, imported, created_by, bytes_total, finished_at)
       VALUES ('bench-lookup', $1, $2, 1, 'completed', 'done', $3, $3, 'bench', 0, now()) RETURNING id`,
      [incidentId, categoryId, rows],
    );
    const batchId = batch.rows[0]!.id;
    const t = performance.now();
    // In slices, so PGlite does not hold one huge statement's state.
    const slice = 1_000_000;
    for (let from = 1; from <= rows - affectedNumbers.length; from += slice) {
      const to = Math.min(rows - affectedNumbers.length, from + slice - 1);
      await db.query(
        `INSERT INTO affected_account (phone_hash, key_version, category_id, batch_id)
         SELECT sha256(('bench-' || i)::bytea), 1, $1, $2 FROM generate_series($3::int, $4::int) i ORDER BY 1`,
        [categoryId, batchId, from, to],
      );
    }
    const hashes = affectedNumbers.map((n) => createHmac("sha256", SECRET).update(n).digest());
    await db.query(
      `INSERT INTO affected_account (phone_hash, key_version, category_id, batch_id) SELECT h, 1, $2, $3 FROM unnest($1::bytea[]) h ON CONFLICT DO NOTHING`,
      [hashes, categoryId, batchId],
    );
    await db.query("ANALYZE affected_account");
    console.log(`Loaded ${rows.toLocaleString("en-US")} rows in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  } finally {
    await db.end();
  }
}

function run(cmd: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, cmd, { cwd: root, env, stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.on("exit", (code) => (code === 0 ? resolve(out) : reject(new Error(`${cmd.join(" ")} exited with ${code}`))));
  });
}

type Target = { name: string; paths: string[]; headers?: Record<string, string> };

/** Drives each target with its own autocannon at CONNECTIONS connections, all at once. */
async function drive(base: string, targets: Target[]) {
  const runs = targets.map((t) => {
    let i = 0;
    return {
      url: base,
      connections: CONNECTIONS,
      headers: t.headers ?? {},
      requests: [
        {
          method: "GET" as const,
          setupRequest: (req: { path?: string }) => ({ ...req, path: t.paths[i++ % t.paths.length] }),
        },
      ],
    };
  });
  await Promise.all(runs.map((opts) => autocannon({ ...opts, duration: 3 }))); // warm-up
  const results = await Promise.all(runs.map((opts) => autocannon({ ...opts, duration: seconds })));
  results.forEach((r, k) => {
    const failed = r.non2xx + r.errors + r.timeouts;
    console.log(
      `${targets[k]!.name.padEnd(34)} ${Math.round(r.requests.average).toLocaleString("en-US").padStart(7)} rps   p50 ${r.latency.p50.toFixed(1).padStart(5)} ms   p99 ${r.latency.p99.toFixed(1).padStart(5)} ms${failed ? `   (${failed} non-2xx/errors)` : ""}`,
    );
  });
}

async function main() {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    LOOKUP_SECRET: SECRET,
    LOOKUP_KEY_VERSION: "1",
    SMS_PROVIDER: "outbox",
    RATE_LIMITS: "off",
    LOG_LEVEL: "warn",
    PORT: String(port),
  };
  let dataDir: string | undefined;
  if (embedded) {
    dataDir = mkdtempSync(path.join(os.tmpdir(), "exposure-bench-lookup-"));
    env.DATA_DIR = dataDir;
    delete env.DATABASE_URL;
  } else {
    const admin = new Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query("DROP DATABASE IF EXISTS exposure_bench_lookup WITH (FORCE)");
    await admin.query("CREATE DATABASE exposure_bench_lookup");
    await admin.end();
    env.DATABASE_URL = adminUrl.replace(/\/[^/]*$/, "/exposure_bench_lookup");
  }

  console.log(
    `Building (if needed) and starting the app on ${embedded ? "the embedded database" : "PostgreSQL 15 at 127.0.0.1:5432"}…`,
  );
  const app = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    cwd: root,
    env,
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  try {
    await waitForHealth(base, app);
    const databaseUrl = embedded ? runningEmbeddedUrl(dataDir!) : env.DATABASE_URL!;
    if (!databaseUrl) throw new Error("cannot find the embedded database's address");
    const numbers = queryNumbers(1000);
    await load(
      databaseUrl,
      numbers.filter((_, i) => i % 2 === 0),
    );
    const key = (await run(["--import", "tsx", "scripts/admin.ts", "create-api-key", "--name", `bench-${port}`], env))
      .trim()
      .split("\n")
      .pop()!;

    const health: Target = { name: "GET /api/health", paths: ["/api/health"] };
    const lookups: Target = {
      name: "GET /api/v1/exposures/{phone}",
      paths: numbers.map((n) => `/api/v1/exposures/${encodeURIComponent(n)}`),
      headers: { authorization: `Bearer ${key}` },
    };
    const processes = env.WEB_CONCURRENCY ?? (embedded ? "1" : String(os.availableParallelism()));
    console.log(
      `\n${CONNECTIONS} connections per target, ${seconds} s, ${os.availableParallelism()} cores, ${processes} app process(es); server, database and load generator on this machine.`,
    );
    console.log("Each alone:");
    await drive(base, [health]);
    await drive(base, [lookups]);
    console.log("Side by side:");
    await drive(base, [lookups, health]);
  } finally {
    try {
      process.kill(-app.pid!, "SIGTERM");
    } catch {
      /* gone */
    }
    await new Promise((r) => setTimeout(r, 3000));
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});

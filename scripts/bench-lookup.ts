// `npm run bench:lookup -- [--embedded] [--rows N] [--seconds S] [--isolated]`: builds for
// production, starts the app on a fresh database holding N affected rows (10M on the
// PostgreSQL at 127.0.0.1:5432, 1M on the embedded store), creates an API key with the
// admin CLI, then drives GET /api/v1/exposures/{phone} (with the key), GET /api/health and
// GET /en (the check page) with autocannon from loopback, each alone and then the lookups side
// by side with each of the others, and prints rps, p50 and p99 against the isolation target.
// --isolated serves the lookups from processes of their own (LOOKUP_PORT, ADR 21).
// WEB_CONCURRENCY sets the app processes (default: one per core on PostgreSQL).
import { createHmac } from "node:crypto";
import os from "node:os";
import { Client } from "pg";
import { normalizePhone } from "@/lib/phone/normalize";
import {
  BENCH_SECRET,
  drive,
  freePort,
  loadAverage,
  numberOption,
  printFigures,
  runScript,
  startApp,
  type Figures,
  type Target,
} from "@/scripts/bench-support";

const argv = process.argv.slice(2);
const embedded = argv.includes("--embedded");
const isolated = argv.includes("--isolated");
const rows = numberOption("--rows") ?? (embedded ? 1_000_000 : 10_000_000);
const seconds = numberOption("--seconds") ?? 15;
/** Side by side, the lookups keep this share of their alone rps, with p99 under P99_TARGET_MS. */
const SHARE_TARGET = 0.5;
const P99_TARGET_MS = 50;

/** Valid numbers to look up: half of them stored (affected), half not. */
function queryNumbers(count: number): string[] {
  const out: string[] = [];
  for (let i = 0; out.length < count; i++) {
    const n = `+1253${String(2_000_000 + i * 7919).padStart(7, "0")}`;
    if (normalizePhone(n, "US").ok) out.push(n);
  }
  return out;
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
    const hashes = affectedNumbers.map((n) => createHmac("sha256", BENCH_SECRET).update(n).digest());
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

/** The lookups side by side with `other`, against the target. */
function verdict(alone: Figures, beside: Figures) {
  const share = beside.rps / alone.rps;
  const met = share >= SHARE_TARGET && beside.p99 < P99_TARGET_MS;
  return `   ${share.toFixed(2)} of alone ${met ? "(target met)" : `(target: ${SHARE_TARGET}, p99 < ${P99_TARGET_MS} ms)`}`;
}

async function main() {
  const lookupPort = isolated ? await freePort() : undefined;
  const app = await startApp({
    database: "exposure_bench_lookup",
    embedded,
    env: lookupPort ? { LOOKUP_PORT: String(lookupPort) } : {},
  });
  try {
    const numbers = queryNumbers(1000);
    await load(
      app.databaseUrl,
      numbers.filter((_, i) => i % 2 === 0),
    );
    const port = new URL(app.base).port;
    const key = (
      await runScript(["--import", "tsx", "scripts/admin.ts", "create-api-key", "--name", `bench-${port}`], app.env)
    )
      .trim()
      .split("\n")
      .pop()!;

    const health: Target = { name: "GET /api/health", paths: ["/api/health"], connections: 50, ownThread: true };
    const page: Target = { name: "GET /en (the check page)", paths: ["/en"], connections: 100, ownThread: true };
    const lookups: Target = {
      name: `GET /api/v1/exposures/{phone}${lookupPort ? " (LOOKUP_PORT)" : ""}`,
      base: lookupPort ? `http://127.0.0.1:${lookupPort}` : undefined,
      paths: numbers.map((n) => `/api/v1/exposures/${encodeURIComponent(n)}`),
      headers: { authorization: `Bearer ${key}` },
      connections: 50,
    };
    const processes = app.env.WEB_CONCURRENCY ?? (embedded ? "1" : String(os.availableParallelism()));
    console.log(
      `\n${seconds} s per run, ${os.availableParallelism()} cores, ${processes} app process(es)${lookupPort ? ` + ${app.env.LOOKUP_PROCESSES ?? 1} lookup-only` : ""}; server, database and load generator on this machine; load average ${loadAverage()}.`,
    );
    console.log("Each alone:");
    const [alone] = await drive(app.base, [lookups], seconds);
    printFigures(alone!);
    for (const other of [health, page]) printFigures((await drive(app.base, [other], seconds))[0]!);
    for (const other of [health, page]) {
      console.log(`Side by side with ${other.name} at ${other.connections} connections:`);
      const [beside, load] = await drive(app.base, [lookups, other], seconds);
      printFigures(beside!, verdict(alone!, beside!));
      printFigures(load!);
    }
    console.log(`Load average after: ${loadAverage()}.`);
  } finally {
    await app.stop();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});

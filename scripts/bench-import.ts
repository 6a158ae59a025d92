// `npm run bench:import -- [ROWS] [--embedded]`: generates ROWS synthetic rows (default
// 10,000,000; random valid US numbers in mixed formats, none real on purpose) and imports
// them through the CLI path into the PostgreSQL on 127.0.0.1:5432 (or the embedded
// database), printing rows/s, the importer's peak RSS and lookup latency during the load.
import { spawn } from "node:child_process";
import { createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { once } from "node:events";
import { createHmac, randomBytes } from "node:crypto";
import { Client, Pool } from "pg";
import { normalizePhone } from "@/lib/phone/normalize";
import { parserYardstick } from "@/scripts/bench-parsers";

const root = path.resolve(__dirname, "..");
const rows = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 10_000_000);
const embedded = process.argv.includes("--embedded");
const adminUrl = process.env.BENCH_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const SECRET = "bench-secret-0123456789abcdef0123456789abcdef";

/** Valid area code + exchange prefixes, found by asking the same library the app uses. */
function validPrefixes(count: number): string[] {
  const out = new Set<string>();
  for (let i = 0; out.size < count && i < 1_000_000; i++) {
    const p = String(200_000 + Math.floor(Math.random() * 800_000));
    if (["0000", "4321", "9999"].every((line) => normalizePhone(`${p}${line}`, "US").ok)) out.add(p);
  }
  return [...out];
}

async function generate(file: string, n: number) {
  const prefixes = validPrefixes(5000);
  const out = createWriteStream(file);
  out.write("Phone,First Name,Account\r\n");
  let buf = "";
  for (let i = 0; i < n; i++) {
    const p = prefixes[i % prefixes.length]!;
    const line = String((Math.floor(i / prefixes.length) * 7919) % 10000).padStart(4, "0");
    const a = p.slice(0, 3),
      b = p.slice(3);
    const f = i % 5;
    const phone =
      f === 0
        ? `(${a}) ${b}-${line}`
        : f === 1
          ? `${a}.${b}.${line}`
          : f === 2
            ? `+1 ${a} ${b} ${line}`
            : f === 3
              ? `1-${a}-${b}-${line}`
              : `${a}${b}${line}`;
    buf += `${f === 2 ? `"${phone}"` : phone},Customer ${i},A${i}\r\n`;
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await once(out, "drain");
      buf = "";
    }
  }
  out.end(buf);
  await once(out, "finish");
}

function percentile(xs: number[], p: number) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]! : NaN;
}

async function main() {
  const file = path.join(os.tmpdir(), `exposure-bench-${rows}.csv`);
  if (!existsSync(file)) {
    console.log(`Generating ${rows.toLocaleString("en-US")} rows into ${file}…`);
    await generate(file, rows);
  }
  console.log(`Input: ${(statSync(file).size / 1e6).toFixed(0)} MB, ${rows.toLocaleString("en-US")} rows`);
  parserYardstick(file, Math.min(rows, 1_000_000));

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    LOOKUP_SECRET: SECRET,
    SMS_PROVIDER: "outbox",
    RATE_LIMITS: "off",
    LOG_LEVEL: "warn",
  };
  let dataDir: string | undefined;
  let lookupUrl: string | undefined;
  if (embedded) {
    dataDir = mkdtempSync(path.join(os.tmpdir(), "exposure-bench-data-"));
    env.DATA_DIR = dataDir;
    delete env.DATABASE_URL;
  } else {
    const admin = new Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query("DROP DATABASE IF EXISTS exposure_bench WITH (FORCE)");
    await admin.query("CREATE DATABASE exposure_bench");
    await admin.end();
    env.DATABASE_URL = lookupUrl = adminUrl.replace(/\/[^/]*$/, "/exposure_bench");
  }

  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      "scripts/import.ts",
      file,
      "--incident",
      "2021-08-cyberattack",
      "--category",
      "postpaid",
      "--json",
    ],
    {
      cwd: root,
      env,
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  let out = "";
  child.stdout.on("data", (d: Buffer) => (out += d.toString()));
  let peakKb = 0;
  const rss = setInterval(() => {
    try {
      const m = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, "utf8"));
      if (m) peakKb = Math.max(peakKb, Number(m[1]));
    } catch {
      /* exited */
    }
  }, 100);

  // Lookups while the import runs: the PK index probe the check does (PostgreSQL only).
  const latencies: number[] = [];
  const startedAt = performance.now();
  let mergeStartedAt: number | undefined;
  let done = false;
  const lookups = (async () => {
    if (!lookupUrl) return;
    const pool = new Pool({ connectionString: lookupUrl, max: 2 });
    while (!done) {
      const t = performance.now();
      try {
        const hash = createHmac("sha256", SECRET)
          .update(`+1206555${String(randomBytes(2).readUInt16BE() % 10000).padStart(4, "0")}`)
          .digest();
        await pool.query("SELECT category_id FROM affected_account WHERE phone_hash = $1 AND key_version = 1", [hash]);
        latencies.push(performance.now() - t);
        if (mergeStartedAt === undefined && latencies.length % 10 === 0) {
          const phase = await pool.query<{ phase: string }>("SELECT phase FROM import_batch ORDER BY id DESC LIMIT 1");
          if (phase.rows[0]?.phase === "merging") mergeStartedAt = performance.now();
        }
      } catch {
        /* the schema may not exist yet */
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    await pool.end();
  })();

  const [code] = (await once(child, "exit")) as [number];
  const endedAt = performance.now();
  done = true;
  clearInterval(rss);
  await lookups;
  if (code !== 0) throw new Error(`import exited with ${code}`);
  const summary = JSON.parse(out.trim().split("\n").pop()!) as {
    rows: number;
    imported: number;
    rejected: number;
    seconds: number;
  };
  console.log(
    `Store: ${embedded ? "embedded (PGlite)" : "PostgreSQL 15 on 127.0.0.1:5432"}, ${os.availableParallelism()} cores`,
  );
  console.log(
    `Imported ${summary.imported.toLocaleString("en-US")} of ${summary.rows.toLocaleString("en-US")} rows (${summary.rejected} rejected) in ${summary.seconds.toFixed(1)} s`,
  );
  console.log(`Throughput: ${Math.round(summary.rows / summary.seconds).toLocaleString("en-US")} rows/s`);
  if (mergeStartedAt !== undefined) {
    console.log(
      `Phases: start + read/normalize/hash/COPY ${((mergeStartedAt - startedAt) / 1000).toFixed(1)} s, merge ${((endedAt - mergeStartedAt) / 1000).toFixed(1)} s (±0.2 s)`,
    );
  }
  console.log(`Importer peak RSS: ${(peakKb / 1024).toFixed(0)} MB`);
  if (latencies.length) {
    console.log(
      `Lookups during the import: ${latencies.length}, p50 ${percentile(latencies, 50).toFixed(2)} ms, p99 ${percentile(latencies, 99).toFixed(2)} ms, max ${Math.max(...latencies).toFixed(1)} ms`,
    );
  }
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});

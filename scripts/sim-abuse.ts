// `npm run sim:abuse`: what breach-day abuse costs with the defences on (ADR 17). Starts the
// app for production on a fresh PostgreSQL database (127.0.0.1:5432) and Redis, texting
// through a local Twilio stub (nothing is sent), behind one trusted proxy hop, with
// CHALLENGE=adaptive and small send budgets so the breaker trips within the run. From
// loopback it drives, bounded in count and time: a pumping run (numbers across a handful
// of prefixes plus premium, foreign and non-mobile ranges, from rotating addresses in a
// few IPv6 /64s), then an enumeration run (many numbers from many addresses), and all
// along a trickle of real customers (distinct addresses, demo numbers, codes read from
// the stub, solving the challenge when asked). Prints texts sent by destination class,
// refused starts by reason, when the breaker tripped, the customers' success rate and p95
// time to a result, and the estimated spend. Settings: SIM_* below; README "Abuse simulation".
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";
import { solveChallenge, type Challenge } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/pbkdf2";
import { Redis } from "ioredis";
import { parsePhoneNumberFromString } from "libphonenumber-js/max";
import { Client } from "pg";
import { startTwilioStub } from "@/scripts/twilio-stub";

const root = path.resolve(__dirname, "..");
const num = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const SIM = {
  seconds: num("SIM_SECONDS", 120),
  pumpStarts: num("SIM_PUMP_STARTS", 3000),
  enumStarts: num("SIM_ENUM_STARTS", 2000),
  enumAddresses: num("SIM_ENUM_ADDRESSES", 400),
  customers: num("SIM_CUSTOMERS", 40),
  workers: num("SIM_WORKERS", 6),
  // Attackers have CPU: they solve challenges too, up to this many in the run.
  attackerSolves: num("SIM_ATTACKER_SOLVES", 300),
  price: num("SIM_PRICE_PER_TEXT", 0.0079),
  budget: num("SIM_BUDGET_PER_HOUR", 250),
  prefixBudget: num("SIM_BUDGET_PER_PREFIX_PER_HOUR", 40),
  // Lowered so attackers' solving costs this machine little: the run measures the policy and budgets, not the work.
  challengeMax: num("SIM_CHALLENGE_MAX_NUMBER", 200),
};
const adminUrl = process.env.SIM_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const redisUrl = process.env.SIM_REDIS_URL ?? "redis://127.0.0.1:6379/13";
const SID = `AC${"5117ab05e".padEnd(32, "0")}`;

const rand = (n: number) => Math.floor(Math.random() * n);
const digits = (n: number) => Array.from({ length: n }, () => rand(10)).join("");
const exchange = () => String(200 + rand(800)).replace(/^555$|^(\d)11$/, "234");

/** Pumping targets: a handful of US prefixes, premium and toll-free, foreign and non-mobile ranges. */
function pumpNumber(): string {
  const r = Math.random();
  if (r < 0.5) return `+1${["206", "253", "425", "360", "509"][rand(5)]}${exchange()}${digits(4)}`;
  if (r < 0.65) return `+1900${exchange()}${digits(4)}`; // US premium rate
  if (r < 0.7) return `+1800${exchange()}${digits(4)}`; // US toll free
  if (r < 0.8) return `+447400${digits(6)}`; // UK mobile
  if (r < 0.9) return `+1876${exchange()}${digits(4)}`; // Jamaica, +1 but not the US
  if (r < 0.95) return `+449079460${digits(3)}`; // UK premium rate
  return Math.random() < 0.5 ? `+88161234${digits(4)}` : `+44207946${digits(4)}`; // satellite, UK fixed line
}
const enumNumber = () => `+1${["206", "253"][rand(2)]}${exchange()}${digits(4)}`;
const demoNumber = (i: number) => `+1206555${String(100 + (i % 100)).padStart(4, "0")}`;
const pumpAddress = () => `2001:db8:${1 + rand(3)}:7::${rand(65536).toString(16)}:${rand(65536).toString(16)}`;
const enumAddress = () => {
  const i = rand(SIM.enumAddresses);
  return `198.18.${i >> 8}.${1 + (i & 0xff)}`;
};

/** Where a text went, as the pumping goal names it. */
function destinationClass(e164: string): string {
  if (/^\+1\d{3}5550[1]\d\d$/.test(e164)) return "demo (real customers)";
  const phone = parsePhoneNumberFromString(e164);
  const type = phone?.getType();
  if (type === "PREMIUM_RATE") return "premium rate";
  if (phone?.country !== "US") return "foreign or no region";
  if (type !== "MOBILE" && type !== "FIXED_LINE_OR_MOBILE") return `non-mobile (${type ?? "unknown"})`;
  return "US mobile";
}

type Answer = { status: number; code: string; body: Record<string, unknown> };
let base = "";
const t0 = performance.now();
const elapsed = () => (performance.now() - t0) / 1000;
let deadline = Infinity;
let breaker: { at: number; run: string } | null = null;

async function call(method: string, url: string, ip: string, body?: unknown): Promise<Answer> {
  const res = await fetch(`${base}${url}`, {
    method,
    headers: { "x-forwarded-for": ip, ...(body ? { "content-type": "application/json" } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const json = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  const error = json.error as { code?: string } | undefined;
  return { status: res.status, code: error?.code ?? String(json.status ?? ""), body: json };
}

/** A solved challenge as the widget submits it, or null when none can be had or solved. */
async function solve(refusal: Answer, ip: string): Promise<string | null> {
  let challenge = (refusal.body.error as { challenge?: unknown }).challenge as Challenge | undefined;
  if (!challenge || typeof challenge !== "object") {
    const fresh = await call("GET", "/api/v1/challenge", ip);
    if (fresh.status !== 200) return null;
    challenge = fresh.body as unknown as Challenge;
  }
  const solution = await solveChallenge({ challenge, deriveKey });
  return solution ? Buffer.from(JSON.stringify({ challenge, solution })).toString("base64") : null;
}

const tally = new Map<string, Map<string, number>>();
function count(run: string, answer: Answer) {
  const key = `${answer.status} ${answer.code}`;
  const m = tally.get(run) ?? tally.set(run, new Map()).get(run)!;
  m.set(key, (m.get(key) ?? 0) + 1);
  if (answer.status === 503 && answer.code === "sms_paused" && !breaker) breaker = { at: elapsed(), run };
}

let solvesLeft = SIM.attackerSolves;
/** One attacker's start: solves a challenge when asked while the attackers' solving lasts. */
async function attack(run: string, phone: string, ip: string) {
  let answer = await call("POST", "/api/v1/checks", ip, { phone });
  if (answer.status === 403 && answer.code === "challenge_required" && solvesLeft > 0) {
    solvesLeft--;
    const altcha = await solve(answer, ip);
    if (altcha) answer = await call("POST", "/api/v1/checks", ip, { phone, altcha });
  }
  count(run, answer);
}

async function swarm(run: string, starts: number, next: () => [string, string]) {
  let left = starts;
  await Promise.all(
    Array.from({ length: SIM.workers }, async () => {
      while (left-- > 0 && performance.now() < deadline) await attack(run, ...next()).catch(() => {});
    }),
  );
}

type Customer = { ok: boolean; ms: number; outcome: string };
async function customer(i: number, stub: Awaited<ReturnType<typeof startTwilioStub>>): Promise<Customer> {
  const started = performance.now();
  const ip = `100.64.${i >> 8}.${1 + (i & 0xff)}`;
  const phone = demoNumber(i);
  const done = (ok: boolean, outcome: string) => ({ ok, ms: performance.now() - started, outcome });
  let answer = await call("POST", "/api/v1/checks", ip, { phone });
  if (answer.status === 403 && answer.code === "challenge_required") {
    const altcha = await solve(answer, ip);
    if (!altcha) return done(false, "no challenge to solve");
    answer = await call("POST", "/api/v1/checks", ip, { phone, altcha });
  }
  count("customers", answer);
  if (answer.status !== 202) return done(false, `${answer.status} ${answer.code}`);
  const code = await stub.codeFor(phone, started);
  if (!code) return done(false, "no text arrived");
  const verified = await call("POST", `/api/v1/checks/${String(answer.body.checkId)}/verify`, ip, { code });
  return verified.status === 200 ? done(true, "result") : done(false, `verify ${verified.status} ${verified.code}`);
}

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

async function waitForHealth(child: ChildProcess) {
  for (let i = 0; i < 900; i++) {
    if (child.exitCode !== null) throw new Error(`the app exited with ${child.exitCode}`);
    if (
      await fetch(`${base}/api/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error("the app did not become healthy in 15 minutes");
}

async function freshRedis(): Promise<string | undefined> {
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  redis.on("error", () => {});
  try {
    await redis.connect();
    await redis.flushdb(); // this run's database only (SIM_REDIS_URL): last run's counts would spend the hour's budgets
    return redisUrl;
  } catch {
    console.log(`Redis is not reachable at ${redisUrl}: limits and budgets count in PostgreSQL.`);
    return undefined;
  } finally {
    redis.disconnect();
  }
}

const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.max(0, Math.ceil(xs.length * 0.95) - 1)] ?? NaN;

async function main() {
  const stub = await startTwilioStub({ delayMs: 0, keepTexts: true });
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query("DROP DATABASE IF EXISTS exposure_sim_abuse WITH (FORCE)");
  await admin.query("CREATE DATABASE exposure_sim_abuse");
  await admin.end();
  const databaseUrl = adminUrl.replace(/\/[^/]*$/, "/exposure_sim_abuse");
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  const redis = await freshRedis();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    ...(redis ? { REDIS_URL: redis } : {}),
    LOOKUP_SECRET: "sim-abuse-secret-0123456789abcdef0123456789",
    SMS_PROVIDER: "twilio",
    TWILIO_ACCOUNT_SID: SID,
    TWILIO_AUTH_TOKEN: "f".repeat(32),
    TWILIO_FROM: "+12065550000",
    TWILIO_BASE_URL: stub.url,
    TRUST_PROXY_HOPS: "1",
    CHALLENGE: "adaptive",
    CHALLENGE_MAX_NUMBER: String(SIM.challengeMax),
    SMS_BUDGET_PER_HOUR: String(SIM.budget),
    SMS_BUDGET_PER_PREFIX_PER_HOUR: String(SIM.prefixBudget),
    PUBLIC_URL: "https://check.example.com",
    LOG_LEVEL: "fatal",
    PORT: String(port),
  };
  console.log("Building (if needed) and starting the app on PostgreSQL with the Twilio stub…");
  const app = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    cwd: root,
    env,
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  try {
    await waitForHealth(app);
    const started = elapsed();
    deadline = performance.now() + SIM.seconds * 1000;
    const customers: Promise<Customer>[] = [];
    const gap = (SIM.seconds * 1000) / Math.max(1, SIM.customers);
    const trickle = (async () => {
      for (let i = 0; i < SIM.customers && performance.now() < deadline; i++) {
        customers.push(customer(i, stub).catch((e: Error) => ({ ok: false, ms: NaN, outcome: e.message })));
        await new Promise((r) => setTimeout(r, gap));
      }
    })();
    await swarm("pumping", SIM.pumpStarts, () => [pumpNumber(), pumpAddress()]);
    await swarm("enumeration", SIM.enumStarts, () => [enumNumber(), enumAddress()]);
    await trickle;
    const served = await Promise.all(customers);
    report(stub.texts, served, started, await trips(databaseUrl));
  } finally {
    if (app.pid) process.kill(-app.pid, "SIGTERM");
    await stub.close();
  }
}

async function trips(url: string) {
  const db = new Client({ connectionString: url });
  await db.connect();
  try {
    return (
      await db.query<{ scope: string; tripped_at: Date }>(
        "SELECT scope, tripped_at FROM sms_budget_trip ORDER BY tripped_at",
      )
    ).rows;
  } catch {
    return [];
  } finally {
    await db.end();
  }
}

function report(
  texts: { to: string }[],
  served: Customer[],
  started: number,
  tripRows: { scope: string; tripped_at: Date }[],
) {
  const line = (label: string, value: string | number) => console.log(`  ${label.padEnd(34)} ${value}`);
  console.log(
    `\nBudgets ${SIM.budget}/h in all, ${SIM.prefixBudget}/h per prefix; challenge max ${SIM.challengeMax}; ${SIM.seconds} s.`,
  );
  console.log(`Texts sent: ${texts.length}`);
  const byClass = new Map<string, number>();
  const byPrefix = new Map<string, number>();
  for (const { to } of texts) {
    const c = destinationClass(to);
    byClass.set(c, (byClass.get(c) ?? 0) + 1);
    const prefix = to.startsWith("+1") ? to.slice(0, 5) : to.slice(0, 6);
    byPrefix.set(prefix, (byPrefix.get(prefix) ?? 0) + 1);
  }
  for (const [c, n] of [...byClass].sort((a, b) => b[1] - a[1])) line(c, n);
  const busiest = [...byPrefix].sort((a, b) => b[1] - a[1])[0];
  if (busiest) line("most texts to one prefix", `${busiest[1]} (${busiest[0]})`);
  console.log("Starts by answer (status code), per run:");
  for (const [run, m] of tally) {
    console.log(`  ${run}`);
    for (const [k, n] of [...m].sort((a, b) => b[1] - a[1])) line(`  ${k}`, n);
  }
  console.log(`Challenges solved by attackers: ${SIM.attackerSolves - solvesLeft} of ${SIM.attackerSolves} allowed`);
  console.log("Breaker:");
  line(
    "first 503 sms_paused",
    breaker ? `${(breaker.at - started).toFixed(1)} s into the run (${breaker.run})` : "never",
  );
  for (const t of tripRows)
    line(`tripped: ${t.scope === "global" ? "whole service" : `prefix ${t.scope}`}`, t.tripped_at.toISOString());
  const ok = served.filter((c) => c.ok);
  console.log("Real customers:");
  line(
    "succeeded",
    `${ok.length} of ${served.length} (${served.length ? Math.round((100 * ok.length) / served.length) : 0} %)`,
  );
  line("p95 time to a result", `${Math.round(p95(ok.map((c) => c.ms)))} ms`);
  const failures = new Map<string, number>();
  for (const c of served.filter((s) => !s.ok)) failures.set(c.outcome, (failures.get(c.outcome) ?? 0) + 1);
  for (const [k, n] of failures) line(`failed: ${k}`, n);
  line("estimated spend", `${(texts.length * SIM.price).toFixed(2)} USD at ${SIM.price} per text`);
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);

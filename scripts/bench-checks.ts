// `npm run bench:checks -- [--seconds S] [--sms-delay MS]`: builds for production, starts
// the app on a fresh PostgreSQL database (127.0.0.1:5432) with rate limits in Redis
// (127.0.0.1:6379, or BENCH_REDIS_URL), texting through SMS_PROVIDER=twilio pointed at a
// loopback stub that answers after MS ms (default 150) and keeps the codes. Then, with
// autocannon at 100 connections from loopback, each for S seconds (default 15, after 3 s
// of warm-up), shedding off: GET /api/health (the framework's floor), POST /api/v1/checks
// with a new number each time, and whole start→verify flows with the codes the stub
// received. Prints rps, p50 and p99 for each against the floor. Then the shared customer
// pages (the check page and a remediation page, in English and Spanish) as the app serves
// them from its page cache (ADR 30). Last, the check page rendered per request
// (PAGE_CACHE=off) at its capacity, then, restarted with shedding on (SHED_* from the
// environment, else the defaults), at about four times it: the share answered 503, their
// p99 and the accepted requests' p99. Rate limits and the challenge are off, budgets out
// of reach. `--pages-only`: the floor and the shared pages alone.
import os from "node:os";
import type autocannon from "autocannon";
import { parsePhoneNumber } from "libphonenumber-js/max";
import {
  drive,
  loadAverage,
  ms,
  numberOption,
  percentile,
  printFigures,
  rps,
  startApp,
  type Figures,
  type Target,
} from "@/scripts/bench-support";
import { startTwilioStub, type TwilioStub } from "@/scripts/twilio-stub";

const seconds = numberOption("--seconds") ?? 15;
const smsDelayMs = numberOption("--sms-delay") ?? 150;
const pagesOnly = process.argv.includes("--pages-only");
/** Only the shedding runs: for tuning SHED_* on a machine. */
const shedOnly = process.argv.includes("--shed-only");
/** Only the floor, starts and flows: for comparing two builds of the check path. */
const checksOnly = process.argv.includes("--checks-only");
/** The shared customer pages, each in both languages. */
const SHARED_PAGES = [
  "/en",
  "/es",
  "/en/remediation/2021-08-cyberattack/prepaid",
  "/es/remediation/2021-08-cyberattack/prepaid",
];
const CONNECTIONS = 100;
/** The whole run stops by itself after this, whatever happens. */
const DEADLINE_MS = 20 * 60_000;
const FLOOR_SHARE_TARGET = 0.5;
const P99_TARGET_MS = 250;

/**
 * Distinct numbers the destination policy accepts (valid US, fixed-line-or-mobile), in a
 * different order each run: walks subscriber numbers of a few area codes from a random start.
 */
function* usNumbers(): Generator<string> {
  const areas = ["206", "253", "312", "415", "512", "617", "702", "919"];
  let n = Math.floor(Math.random() * 5_000_000);
  for (;;) {
    n++;
    const area = areas[n % areas.length]!;
    const local = String(2_000_000 + (Math.floor(n / areas.length) % 8_000_000)).padStart(7, "0");
    const e164 = `+1${area}${local}`;
    const parsed = parsePhoneNumber(e164);
    if (parsed.isValid() && parsed.getType() === "FIXED_LINE_OR_MOBILE") yield e164;
  }
}

type Context = { phone?: string; checkId?: string };

const json = { "content-type": "application/json" };

function startRequest(numbers: Generator<string>): autocannon.Request {
  return {
    method: "POST",
    path: "/api/v1/checks",
    headers: json,
    setupRequest: (req, context: Context) => {
      context.phone = numbers.next().value as string;
      return { ...req, body: JSON.stringify({ phone: context.phone }) };
    },
    onResponse: (status, body, context: Context) => {
      context.checkId = status === 202 ? (JSON.parse(body) as { checkId: string }).checkId : undefined;
    },
  };
}

function shareOfFloor(what: string, perSecond: number, p99: number, floor: Figures) {
  const share = perSecond / floor.rps;
  const met = share >= FLOOR_SHARE_TARGET && p99 < P99_TARGET_MS;
  console.log(
    `  ${what}: ${rps(perSecond)}/s = ${share.toFixed(2)} of the floor ${met ? "(target met)" : `(target: ${FLOOR_SHARE_TARGET} of the floor, p99 < ${P99_TARGET_MS} ms)`}`,
  );
}

/** One status's count per second and latencies from a run kept by status. */
function byStatus(f: Figures, status: number) {
  const list = f.byStatus?.get(status) ?? [];
  return { perSecond: list.length / seconds, p50: percentile(list, 50), p99: percentile(list, 99), count: list.length };
}

let stopApp = async () => {};

/** The app on a fresh database; `env` adds to the bench's settings. */
async function start(stub: TwilioStub, env: Record<string, string>) {
  const app = await startApp({
    database: "exposure_bench_checks",
    embedded: false,
    env: {
      REDIS_URL: process.env.BENCH_REDIS_URL ?? "redis://127.0.0.1:6379",
      SMS_PROVIDER: "twilio",
      TWILIO_BASE_URL: stub.url,
      TWILIO_ACCOUNT_SID: `AC${"0".repeat(32)}`,
      TWILIO_AUTH_TOKEN: "b".repeat(32),
      TWILIO_FROM: "+15005550006",
      CHALLENGE: "off",
      SMS_BUDGET_PER_HOUR: "1000000000",
      SMS_BUDGET_PER_PREFIX_PER_HOUR: "1000000000",
      ...env,
    },
  });
  stopApp = app.stop;
  return app;
}

async function main() {
  const stub = await startTwilioStub({ delayMs: smsDelayMs });
  // Capacity first, without shedding: every request is served.
  const app = await start(stub, { SHED_EVENT_LOOP_DELAY_MS: "off", SHED_MAX_IN_FLIGHT: "off" });
  try {
    if (shedOnly) {
      await app.stop();
      await shedding(stub);
      return;
    }
    const numbers = usNumbers();
    const processes = app.env.WEB_CONCURRENCY ?? String(os.availableParallelism());
    console.log(
      `\n${CONNECTIONS} connections, ${seconds} s per run, ${os.availableParallelism()} cores, ${processes} app process(es), Twilio stub answering in ${smsDelayMs} ms; load average ${loadAverage()}.`,
    );
    const [floor] = await drive(
      app.base,
      [{ name: "GET /api/health (the floor)", paths: ["/api/health"], connections: CONNECTIONS }],
      seconds,
    );
    printFigures(floor!);
    // Little's law: each connection waits for the stub on every start, so however cheap
    // the app, 100 connections carry at most this many starts a second.
    if (smsDelayMs > 0) {
      const ceiling = (CONNECTIONS * 1000) / smsDelayMs;
      console.log(
        `  ${CONNECTIONS} connections each waiting ${smsDelayMs} ms for the stub carry at most ${rps(ceiling)} starts/s = ${(ceiling / floor!.rps).toFixed(2)} of the floor`,
      );
    }

    console.log(checksOnly ? "" : "\nThe shared customer pages, from the page cache:");
    for (const path of checksOnly ? [] : SHARED_PAGES) {
      const [served] = await drive(
        app.base,
        [{ name: `GET ${path}`, paths: [path], connections: CONNECTIONS }],
        seconds,
        {
          byStatus: true,
        },
      );
      printFigures(served!);
      const ok = byStatus(served!, 200);
      shareOfFloor(`GET ${path} (200)`, ok.perSecond, ok.p99, floor!);
    }
    if (pagesOnly) {
      console.log(`Load average after: ${loadAverage()}.`);
      return;
    }

    const starts: Target = { name: "POST /api/v1/checks", connections: CONNECTIONS, requests: [startRequest(numbers)] };
    const [started] = await drive(app.base, [starts], seconds, { byStatus: true });
    printFigures(started!);
    const accepted202 = byStatus(started!, 202);
    shareOfFloor("starts (202)", accepted202.perSecond, accepted202.p99, floor!);

    const verify: autocannon.Request = {
      method: "POST",
      headers: json,
      setupRequest: (req, context: Context) => ({
        ...req,
        path: `/api/v1/checks/${context.checkId ?? "none"}/verify`,
        body: JSON.stringify({ code: (context.phone && stub.takeCode(context.phone)) ?? "000000" }),
      }),
    };
    const flowTarget: Target = {
      name: "start → verify flows",
      connections: CONNECTIONS,
      requests: [startRequest(numbers), verify],
    };
    const [flows] = await drive(app.base, [flowTarget], seconds, { byStatus: true });
    printFigures(flows!);
    const s = byStatus(flows!, 202);
    const v = byStatus(flows!, 200);
    console.log(`  starts (202)         ${rps(s.perSecond).padStart(7)} /s    p50 ${ms(s.p50)}   p99 ${ms(s.p99)}`);
    console.log(`  verifications (200)  ${rps(v.perSecond).padStart(7)} /s    p50 ${ms(v.p50)}   p99 ${ms(v.p99)}`);
    shareOfFloor("verifications", v.perSecond, v.p99, floor!);
    console.log(`  texts the stub accepted in all: ${stub.sent().toLocaleString("en-US")}`);

    await app.stop();
    if (!checksOnly) await shedding(stub);
  } finally {
    await stopApp();
    await stub.close();
  }
}

/** The check page rendered per request at its capacity (shedding off), then at four times it (shedding on). */
async function shedding(stub: TwilioStub) {
  console.log(
    "\nShedding: the check page rendered per request (PAGE_CACHE=off) at its capacity (shedding off), then at four times it (shedding on).",
  );
  let app = await start(stub, { SHED_EVENT_LOOP_DELAY_MS: "off", SHED_MAX_IN_FLIGHT: "off", PAGE_CACHE: "off" });
  const page: Target = { name: "GET /en (the check page, rendered)", paths: ["/en"], connections: CONNECTIONS };
  const [capacity] = await drive(app.base, [page], seconds, { byStatus: true });
  printFigures(capacity!);
  const accepted = byStatus(capacity!, 200);
  await app.stop();
  // The operator's SHED_* settings, or the defaults.
  app = await start(stub, { PAGE_CACHE: "off" });
  console.log(
    `Shedding at SHED_EVENT_LOOP_DELAY_MS=${process.env.SHED_EVENT_LOOP_DELAY_MS ?? "100"}, SHED_MAX_IN_FLIGHT=${process.env.SHED_MAX_IN_FLIGHT ?? "128"}:`,
  );
  // Warmed at capacity first: a cold process's first renders (module loads, JIT) would
  // otherwise hold every connection's first request and make the flood's p99.
  await drive(app.base, [page], 3, { warmUp: 0 });
  const rate = Math.round(4 * accepted.perSecond);
  const flood: Target = {
    ...page,
    name: `GET / offered ${rps(rate)}/s`,
    connections: 4 * CONNECTIONS,
    overallRate: rate,
  };
  const [flooded] = await drive(app.base, [flood], seconds, { byStatus: true, warmUp: 0 });
  printFigures(flooded!);
  const shed = byStatus(flooded!, 503);
  const kept = byStatus(flooded!, 200);
  const total = [...flooded!.byStatus!.values()].reduce((n, l) => n + l.length, 0);
  console.log(
    `  503s: ${((100 * shed.count) / Math.max(1, total)).toFixed(1)}% of ${total.toLocaleString("en-US")}, p99 ${ms(shed.p99)} (target: under 50 ms)`,
  );
  console.log(`  accepted (200): ${rps(kept.perSecond)}/s, p99 ${ms(kept.p99)} (at capacity: p99 ${ms(accepted.p99)})`);
  console.log(`Load average after: ${loadAverage()}.`);
  await app.stop();
}

setTimeout(() => {
  console.error(`bench:checks did not finish in ${DEADLINE_MS / 60_000} minutes; stopping.`);
  void stopApp().finally(() => process.exit(1));
}, DEADLINE_MS).unref();

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  },
);

import { randomInt } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createChallengeGate } from "@/lib/challenge/gate";
import { getConfig } from "@/lib/config";
import { getDb, getPool, type Db } from "@/lib/db/client";
import { startCheck } from "@/lib/checks/start-check";
import { verifyCheck } from "@/lib/checks/verify-check";
import { getSql, type Sql } from "@/lib/db/sql";
import type { CheckDeps } from "@/lib/checks/deps";
import { createFailureCaps, createLimits } from "@/lib/rate-limit/limits";
import { databaseStore, type LimiterStore } from "@/lib/rate-limit/stores";
import { createSendBudget } from "@/lib/sms/budget";
import { createConversionWatch } from "@/lib/sms/conversion";
import { destinationPolicy } from "@/lib/sms/destination-policy";
import { lastCodeFor, makeDeps, testKeyring } from "@/tests/support/deps";

/** Wraps the database so every operation the start of a check performs is recorded. */
function recording(db: Db) {
  const ops: string[] = [];
  const wrapModel = (name: string, model: object) =>
    new Proxy(model, {
      get(target, prop, receiver) {
        const v = Reflect.get(target, prop, receiver);
        return typeof v === "function"
          ? (...args: unknown[]) => (ops.push(`${name}.${String(prop)}`), v.apply(target, args))
          : v;
      },
    });
  const proxy = new Proxy(db, {
    get(target, prop, receiver) {
      const v = Reflect.get(target, prop, receiver);
      if (typeof prop === "string" && prop.startsWith("$transaction")) {
        ops.push(prop);
        return typeof v === "function" ? v.bind(target) : v;
      }
      if (prop === "$executeRaw" || prop === "$queryRaw") {
        return (strings: TemplateStringsArray, ...values: unknown[]) => {
          ops.push(`${String(prop)} ${strings.join("?").replace(/\s+/g, " ").trim()}`);
          return (v as (...a: unknown[]) => unknown).call(target, strings, ...values);
        };
      }
      if (typeof prop === "string" && !prop.startsWith("$") && v && typeof v === "object") return wrapModel(prop, v);
      return typeof v === "function" ? v.bind(target) : v;
    },
  });
  return { db: proxy as Db, ops };
}

/** Wraps the hot paths' queries (lib/db/sql.ts) so every statement is recorded, by name. */
function recordingSql(ops: string[]): Sql {
  const sql = getSql();
  return (statement, values) => {
    ops.push(`sql ${statement.name}${WRITES.test(statement.text) ? " (write)" : ""}`);
    return sql(statement, values);
  };
}

// A statement that writes: one commit each, since each runs on its own (no BEGIN on this path).
const WRITES = /\b(INSERT|UPDATE|DELETE)\b/i;
const DB_WRITES = /\.(create|createMany|update|updateMany|upsert|delete|deleteMany)$|^\$executeRaw|^\$transaction/;

/** The commits among recorded operations: the writing statements, and the ORM's writes. */
function commits(ops: string[]): string[] {
  return ops.filter((op) => op.endsWith("(write)") || DB_WRITES.test(op.split(" ")[0]!));
}

/** Wraps the limits' store so every count a start takes is recorded, by limit name. */
function recordingStore(store: LimiterStore, ops: string[]): LimiterStore {
  return {
    ...store,
    make(name, spec) {
      const limiter = store.make(name, spec);
      return new Proxy(limiter, {
        get(target, prop, receiver) {
          const v = Reflect.get(target, prop, receiver);
          if (typeof v !== "function" || !["consume", "get", "penalty", "reward"].includes(String(prop))) return v;
          return (...args: unknown[]) => (ops.push(`store ${name}.${String(prop)}`), v.apply(target, args));
        },
      });
    },
  };
}

/** Every guard of ADR 17 in place, over the recorded database and store. */
function guardedDeps(db: Db, ops: string[]): CheckDeps {
  const config = getConfig();
  const store = recordingStore(databaseStore(getPool()), ops);
  const budget = createSendBudget({ db, store, config: config.smsBudget });
  return makeDeps({
    db,
    limits: createLimits({ ...config, rateLimits: { ...config.rateLimits, enabled: true } }, () => store),
    failureCaps: createFailureCaps(config, () => store),
    destinations: destinationPolicy(config),
    budget,
    conversion: createConversionWatch({
      db,
      config: { ...config.smsConversion, prefixDigits: config.smsBudget.prefixDigits },
      // Batched, as the app's: the minute is never up within a test.
      batchMs: 60_000,
    }),
    challenge: createChallengeGate({
      config: { ...config.challenge, mode: "adaptive" },
      keyring: testKeyring(),
      store,
      budget,
    }),
  });
}

/** Deps whose database work is recorded in `ops`: the ORM's and the direct statements. */
function recordedDeps(guarded: boolean) {
  const { db, ops } = recording(getDb());
  const deps = { ...(guarded ? guardedDeps(db, ops) : makeDeps({ db })), sql: recordingSql(ops) };
  return { deps, ops };
}

async function start(phone: string, options: { guarded?: boolean; group?: string } = {}) {
  const { deps, ops } = recordedDeps(options.guarded ?? false);
  const outcome = await startCheck(deps, { phone }, options.group ?? "192.0.2.50");
  const sms = await getDb().outboxMessage.findFirstOrThrow({ orderBy: { id: "desc" } });
  return { outcome, ops, sms };
}

/** Starts a check, then verifies it with its code, recording the verification's work only. */
async function verified(phone: string, options: { guarded?: boolean } = {}) {
  const started = await startCheck(makeDeps(), { phone }, "192.0.2.51");
  if (started.status !== "code_sent") throw new Error("expected a code");
  const code = await lastCodeFor(phone.slice(-4));
  const { deps, ops } = recordedDeps(options.guarded ?? false);
  const result = await verifyCheck(deps, started.checkId, { code }, "192.0.2.51");
  return { result, ops };
}

describe("neutral start", () => {
  it("answers, works and texts the same whether or not the number is affected", async () => {
    const affected = await start("(206) 555-0103"); // prepaid and postpaid
    const unaffected = await start("(206) 555-0199");

    expect(affected.outcome.status).toBe("code_sent");
    expect(Object.keys(affected.outcome).sort()).toEqual(Object.keys(unaffected.outcome).sort());
    // One statement, one commit: the check with the outbox's text; counters wait for their batch.
    expect(affected.ops).toEqual(["sql check_insert (write)"]);
    expect(affected.ops).toEqual(unaffected.ops);
    expect(affected.ops.join("\n")).not.toMatch(/affected_account|category|incident/);
    expect(affected.sms.body.replace(/\d/g, "#")).toBe(unaffected.sms.body.replace(/\d/g, "#"));
  });

  it("stays the same with every guard in place: limits, destination, challenge, budget, conversion watch", async () => {
    // One client group of its own, within its free starts, for both numbers.
    const group = `198.18.${randomInt(256)}.${randomInt(1, 255)}`;
    const affected = await start("(206) 555-0104", { guarded: true, group });
    const unaffected = await start("(206) 555-0198", { guarded: true, group });

    expect(affected.outcome.status).toBe("code_sent");
    expect(unaffected.outcome.status).toBe("code_sent");
    expect(Object.keys(affected.outcome).sort()).toEqual(Object.keys(unaffected.outcome).sort());
    // The guards did their work, and the same work for both.
    for (const op of ["store check-ip.consume", "store send-number.consume", "store sms-budget.consume"])
      expect(affected.ops).toContain(op);
    // The conversion watch counts in memory (its batch is written off the request's path).
    expect(affected.ops.join("\n")).not.toMatch(/sms_hour_stat/);
    expect(commits(affected.ops)).toEqual(["sql check_insert (write)"]);
    expect(affected.ops).toEqual(unaffected.ops);
    expect(affected.ops.join("\n")).not.toMatch(/affected_account|category|incident/);
    expect(affected.sms.body.replace(/\d/g, "#")).toBe(unaffected.sms.body.replace(/\d/g, "#"));
  });

  it("reveals nothing about the category before the code", async () => {
    const { outcome } = await start("(206) 555-0100");
    const text = JSON.stringify(outcome).toLowerCase();
    for (const word of ["prepaid", "postpaid", "former", "affected", "exposure", "cyberattack"])
      expect(text).not.toContain(word);
  });
});

describe("neutral verification", () => {
  it("does one commit and the same statements whether or not the number is affected", async () => {
    const affected = await verified("(206) 555-0101");
    const unaffected = await verified("(206) 555-0196");

    expect(affected.result.affected).toBe(true);
    expect(unaffected.result.affected).toBe(false);
    // A read, one write that counts the try and completes the check, then the lookup (a read).
    expect(untilLookup(affected.ops)).toEqual(["sql check_read", "sql check_try (write)", "sql find_exposures"]);
    expect(untilLookup(affected.ops)).toEqual(untilLookup(unaffected.ops));
    expect(commits(untilLookup(affected.ops))).toHaveLength(1);
    // Only after the proven lookup may the work differ: an affected number's group hands
    // out its activation code (ADR 32); an unaffected number does nothing more.
    expect(affected.ops.slice(3).every((op) => op.includes("offer"))).toBe(true);
    expect(unaffected.ops).toHaveLength(3);
  });

  it("stays the same with every guard in place", async () => {
    const affected = await verified("(206) 555-0102", { guarded: true });
    const unaffected = await verified("(206) 555-0195", { guarded: true });

    expect(affected.result.affected).toBe(true);
    expect(affected.ops).toContain("store verify-ip.consume");
    expect(commits(untilLookup(affected.ops))).toEqual(["sql check_try (write)"]);
    expect(untilLookup(affected.ops)).toEqual(untilLookup(unaffected.ops));
  });
});

/** The work up to and including the lookup: everything the code's proof decides. */
function untilLookup(ops: string[]): string[] {
  return ops.slice(0, ops.indexOf("sql find_exposures") + 1);
}

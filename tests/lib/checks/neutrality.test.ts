import { randomInt } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createChallengeGate } from "@/lib/challenge/gate";
import { getConfig } from "@/lib/config";
import { getDb, getPool, type Db } from "@/lib/db/client";
import { startCheck } from "@/lib/checks/start-check";
import type { CheckDeps } from "@/lib/checks/deps";
import { createFailureCaps, createLimits } from "@/lib/rate-limit/limits";
import { databaseStore, type LimiterStore } from "@/lib/rate-limit/stores";
import { createSendBudget } from "@/lib/sms/budget";
import { createConversionWatch } from "@/lib/sms/conversion";
import { destinationPolicy } from "@/lib/sms/destination-policy";
import { makeDeps, testKeyring } from "@/tests/support/deps";

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
    }),
    challenge: createChallengeGate({
      config: { ...config.challenge, mode: "adaptive" },
      keyring: testKeyring(),
      store,
      budget,
    }),
  });
}

async function start(phone: string, options: { guarded?: boolean; group?: string } = {}) {
  const { db, ops } = recording(getDb());
  const deps = options.guarded ? guardedDeps(db, ops) : makeDeps({ db });
  const outcome = await startCheck(deps, { phone }, options.group ?? "192.0.2.50");
  const sms = await getDb().outboxMessage.findFirstOrThrow({ orderBy: { id: "desc" } });
  return { outcome, ops, sms };
}

describe("neutral start", () => {
  it("answers, works and texts the same whether or not the number is affected", async () => {
    const affected = await start("(206) 555-0103"); // prepaid and postpaid
    const unaffected = await start("(206) 555-0199");

    expect(affected.outcome.status).toBe("code_sent");
    expect(Object.keys(affected.outcome).sort()).toEqual(Object.keys(unaffected.outcome).sort());
    expect(affected.ops).toContain("phoneCheck.create");
    expect(affected.ops).toEqual(unaffected.ops);
    expect(affected.ops.join("\n")).not.toMatch(/affected_account|category|incident/);
    expect(affected.sms.body.replace(/\d/g, "#")).toBe(unaffected.sms.body.replace(/\d/g, "#"));
  });

  it("stays the same with every guard in place: limits, destination, challenge, budget, conversion watch", async () => {
    // One client group of its own, within its free starts, for both numbers.
    const group = `198.18.${randomInt(256)}.${randomInt(1, 255)}`;
    // The hour's first text also clears out old hourly counts (traffic, not the number):
    // this start makes sure neither measured start is the hour's first.
    await start("(206) 555-0197", { guarded: true, group: "198.19.0.1" });
    const affected = await start("(206) 555-0104", { guarded: true, group });
    const unaffected = await start("(206) 555-0198", { guarded: true, group });

    expect(affected.outcome.status).toBe("code_sent");
    expect(unaffected.outcome.status).toBe("code_sent");
    expect(Object.keys(affected.outcome).sort()).toEqual(Object.keys(unaffected.outcome).sort());
    // The guards did their work, and the same work for both.
    for (const op of ["store check-ip.consume", "store send-number.consume", "store sms-budget.consume"])
      expect(affected.ops).toContain(op);
    expect(affected.ops.join("\n")).toMatch(/sms_hour_stat/);
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

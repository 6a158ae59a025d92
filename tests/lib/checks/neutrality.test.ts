import { describe, expect, it } from "vitest";
import { getDb, type Db } from "@/lib/db/client";
import { startCheck } from "@/lib/checks/start-check";
import { makeDeps } from "@/tests/support/deps";

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

async function start(phone: string) {
  const { db, ops } = recording(getDb());
  const outcome = await startCheck(makeDeps({ db }), { phone }, "192.0.2.50");
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

  it("reveals nothing about the category before the code", async () => {
    const { outcome } = await start("(206) 555-0100");
    const text = JSON.stringify(outcome).toLowerCase();
    for (const word of ["prepaid", "postpaid", "former", "affected", "exposure", "cyberattack"])
      expect(text).not.toContain(word);
  });
});

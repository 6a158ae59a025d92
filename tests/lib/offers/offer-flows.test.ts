// Who gets an activation code: only a verified check takes one (ADR 32).
import { describe, expect, it } from "vitest";
import { startCheck } from "@/lib/checks/start-check";
import { verifyCheck } from "@/lib/checks/verify-check";
import { getDb } from "@/lib/db/client";
import { getSql } from "@/lib/db/sql";
import { agentLookup } from "@/lib/exposures/agent-lookup";
import { apiExposureLookup } from "@/lib/exposures/integration-lookup";
import { findExposures } from "@/lib/exposures/find-exposures";
import { poolStats } from "@/lib/offers/pool-stats";
import { lastCodeFor, makeDeps, noLimits, testKeyring } from "@/tests/support/deps";
import { affect, offerPool } from "@/tests/support/offers";

const IP = "198.51.100.7";
const assigned = (incident: string) =>
  getDb().offerCode.count({ where: { category: { incident: { slug: incident } }, assignedTo: { not: null } } });

async function verified(phone: string) {
  const deps = makeDeps();
  const started = await startCheck(deps, { phone }, IP);
  if (started.status !== "code_sent") throw new Error("expected a code");
  return verifyCheck(deps, started.checkId, { code: await lastCodeFor(phone.slice(-4)) }, IP);
}

describe("offer codes in the flows", () => {
  it("a verified check takes the number's code once and shows the same one after", async () => {
    const pool = await offerPool(3);
    await affect(pool, "+12065550180");
    const first = await verified("+12065550180");
    const code = first.exposures[0]!.offer!.code;
    expect(pool.codes).toContain(code);
    expect((await verified("+12065550180")).exposures[0]!.offer!.code).toBe(code);
    expect(await assigned(pool.incident)).toBe(1);
    expect((await poolStats(getDb(), pool.incident))[0]).toMatchObject({ total: 3, left: 2 });
  });

  it("a verified check on an empty pool answers code null", async () => {
    const pool = await offerPool(0);
    await affect(pool, "+12065550181");
    const offer = (await verified("+12065550181")).exposures[0]!.offer!;
    expect(offer).toMatchObject({ provider: "Shield Co", durationMonths: 24, code: null });
  });

  it("open mode shows the offer and takes no code", async () => {
    const pool = await offerPool(2);
    await affect(pool, "+12065550182");
    const outcome = await startCheck(makeDeps({ mode: "open" }), { phone: "+12065550182" }, IP);
    if (outcome.status !== "complete") throw new Error("expected a result");
    expect(outcome.result.exposures[0]!.offer).toEqual({
      provider: "Shield Co",
      durationMonths: 24,
      enrollUrl: "https://shield.example/enrol",
      instructions: "Enter the code.",
    });
    expect(await assigned(pool.incident)).toBe(0);
  });

  it("the integration API shows the offer and takes no code", async () => {
    const pool = await offerPool(2);
    await affect(pool, "+12065550183");
    const audit = { add: () => {}, flush: async () => {} };
    const find = (e164: string) => findExposures(getSql(), testKeyring(), e164);
    const result = await apiExposureLookup({ find, region: "US", audit }, { id: "k", name: "k", prefix: "ek" }, () => ({
      phone: "+12065550183",
    }));
    expect(result.exposures[0]!.offer).not.toHaveProperty("code");
    expect(await assigned(pool.incident)).toBe(0);
  });

  it("the agent lookup shows a code already given, takes none, and audits the view", async () => {
    const pool = await offerPool(2);
    await affect(pool, "+12065550184");
    const agent = { id: "agent-offers", email: "offers-agent@example.com", role: "agent" as const };
    const deps = {
      db: getDb(),
      sql: getSql(),
      keyring: testKeyring(),
      region: "US",
      limits: noLimits,
      config: { rateLimits: { agentLookupPerDay: { points: 300, seconds: 86_400 } } },
    };
    const lookup = () =>
      agentLookup(
        deps,
        { ...agent, sessionId: "s", expiresAt: new Date(), mustChangePassword: false, secondFactor: true },
        {
          phone: "+12065550184",
        },
      );
    expect((await lookup()).exposures[0]!.offer).not.toHaveProperty("code");
    expect(await assigned(pool.incident)).toBe(0);
    const views = () =>
      getDb().auditLog.count({ where: { action: "offer_code_viewed", target: `${pool.incident}/group` } });
    expect(await views()).toBe(0);

    const code = (await verified("+12065550184")).exposures[0]!.offer!.code;
    expect((await lookup()).exposures[0]!.offer!.code).toBe(code);
    expect(await views()).toBe(1);
    const entry = await getDb().auditLog.findFirstOrThrow({
      where: { action: "offer_code_viewed", target: `${pool.incident}/group` },
    });
    expect(entry.actorEmail).toBe(agent.email);
    expect(JSON.stringify([entry.target, entry.details])).not.toContain(code!);
  });
});

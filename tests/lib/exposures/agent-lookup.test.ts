import { afterEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db/client";
import { getSql } from "@/lib/db/sql";
import { agentLookup, agentsWatched, agentWatchThreshold } from "@/lib/exposures/agent-lookup";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { limits, noLimits, testKeyring } from "@/tests/support/deps";
import { uniqueTag } from "@/tests/support/unique-tag";

const perDay = (points: number) => ({ rateLimits: { agentLookupPerDay: { points, seconds: 86_400 } } });
const deps = (over: Partial<Parameters<typeof agentLookup>[0]> = {}) => ({
  db: getDb(),
  sql: getSql(),
  keyring: testKeyring(),
  region: "US",
  limits: noLimits,
  config: perDay(300),
  ...over,
});
const agentNamed = (email: string) => ({
  id: `agent-${email}`,
  email,
  role: "agent" as const,
  sessionId: "s",
  expiresAt: new Date(),
  mustChangePassword: false,
  secondFactor: true,
});
const agent = agentNamed("agent@example.com");

afterEach(() => vi.restoreAllMocks());

describe("agentLookup", () => {
  it("answers at once and records who looked, with only the last four digits, not the answer", async () => {
    const result = await agentLookup(deps(), agent, { phone: "(206) 555-0103" }, "192.0.2.9");
    expect(result.exposures.map((x) => x.category.slug)).toEqual(["prepaid", "postpaid"]);
    const entry = await getDb().auditLog.findFirstOrThrow({
      where: { action: "agent_lookup", actorId: agent.id },
      orderBy: { id: "desc" },
    });
    expect(entry).toMatchObject({ actorEmail: "agent@example.com", target: "•••0103", ip: "192.0.2.9" });
    expect(entry.details).toEqual({});
    expect(JSON.stringify({ ...entry, id: String(entry.id) })).not.toMatch(/2065550103|555-0103|affected/);
  });

  it("refuses an invalid number with the check's reason and records nothing", async () => {
    const before = await getDb().auditLog.count({ where: { action: "agent_lookup" } });
    await expect(agentLookup(deps(), agent, { phone: "555-0142" })).rejects.toMatchObject({
      code: "invalid_phone",
    } satisfies Partial<AppError>);
    expect(await getDb().auditLog.count({ where: { action: "agent_lookup" } })).toBe(before);
  });

  it("is limited per agent per hour and per day: 429 beyond, other agents unaffected", async () => {
    for (const [spec, name] of [
      [{ agentLookupPerHour: { points: 2, seconds: 3600 } }, "hour"],
      [{ agentLookupPerDay: { points: 2, seconds: 86_400 } }, "day"],
    ] as const) {
      const d = deps({ limits: limits(spec) });
      const one = agentNamed(`limited-${name}-${uniqueTag()}@example.com`);
      await agentLookup(d, one, { phone: "206-555-0100" });
      await agentLookup(d, one, { phone: "206-555-0101" });
      await expect(agentLookup(d, one, { phone: "206-555-0102" })).rejects.toMatchObject({
        code: "rate_limited",
        status: 429,
      });
      await agentLookup(d, agentNamed(`other-${uniqueTag()}@example.com`), { phone: "206-555-0102" });
      // The refused lookup looked nothing up and left no entry.
      expect(await getDb().auditLog.count({ where: { action: "agent_lookup", actorEmail: one.email } })).toBe(2);
    }
  });

  it("logs an error once when an agent reaches 80% of the daily limit, and the dashboard lists them", async () => {
    expect(agentWatchThreshold(300)).toBe(240);
    expect(agentWatchThreshold(5)).toBe(4);
    const errors = vi.spyOn(log, "error").mockImplementation(() => undefined);
    const busy = agentNamed(`busy-${uniqueTag()}@example.com`);
    const calm = agentNamed(`calm-${uniqueTag()}@example.com`);
    const d = deps({ config: perDay(5) });
    await agentLookup(d, calm, { phone: "206-555-0100" });
    for (let i = 0; i < 3; i++) await agentLookup(d, busy, { phone: "206-555-0100" });
    expect(errors).not.toHaveBeenCalled();
    await agentLookup(d, busy, { phone: "206-555-0100" });
    expect(errors).toHaveBeenCalledTimes(1);
    expect(String(errors.mock.calls[0]![1])).toContain(`agent ${busy.email} made 4 lookups in 24 hours`);
    await agentLookup(d, busy, { phone: "206-555-0100" });
    expect(errors).toHaveBeenCalledTimes(1);

    const watched = await agentsWatched(getDb(), 5);
    expect(watched.filter((w) => [busy.email, calm.email].includes(w.email))).toEqual([
      { email: busy.email, lookups: 5 },
    ]);
    // A day later the flag is gone.
    expect(
      (await agentsWatched(getDb(), 5, new Date(Date.now() + 86_400_000 + 60_000))).map((w) => w.email),
    ).not.toContain(busy.email);
  });
});

import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { getSql } from "@/lib/db/sql";
import { agentLookup } from "@/lib/exposures/agent-lookup";
import { AppError } from "@/lib/errors";
import { testKeyring } from "@/tests/support/deps";

const deps = () => ({ db: getDb(), sql: getSql(), keyring: testKeyring(), region: "US" });
const agent = {
  id: "agent-1",
  email: "agent@example.com",
  role: "agent" as const,
  sessionId: "s",
  expiresAt: new Date(),
  mustChangePassword: false,
};

describe("agentLookup", () => {
  it("answers at once and records who looked, with only the last four digits", async () => {
    const result = await agentLookup(deps(), agent, { phone: "(206) 555-0103" }, "192.0.2.9");
    expect(result.exposures.map((x) => x.category.slug)).toEqual(["prepaid", "postpaid"]);
    const entry = await getDb().auditLog.findFirstOrThrow({
      where: { action: "agent_lookup", actorId: "agent-1" },
      orderBy: { id: "desc" },
    });
    expect(entry).toMatchObject({ actorEmail: "agent@example.com", target: "•••0103", details: { affected: true } });
    expect(JSON.stringify({ ...entry, id: String(entry.id) })).not.toMatch(/2065550103|555-0103/);
  });

  it("refuses an invalid number with the check's reason and records nothing", async () => {
    const before = await getDb().auditLog.count({ where: { action: "agent_lookup" } });
    await expect(agentLookup(deps(), agent, { phone: "555-0142" })).rejects.toMatchObject({
      code: "invalid_phone",
    } satisfies Partial<AppError>);
    expect(await getDb().auditLog.count({ where: { action: "agent_lookup" } })).toBe(before);
  });
});

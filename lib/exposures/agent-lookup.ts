import type { Admin } from "@/lib/auth/types";
import { recordAgentLookup } from "@/lib/audit/record";
import type { Config } from "@/lib/config";
import type { Db } from "@/lib/db/client";
import type { Sql } from "@/lib/db/sql";
import { findExposures } from "@/lib/exposures/find-exposures";
import { lookupSchema } from "@/lib/exposures/schemas";
import type { ExposureResult } from "@/lib/exposures/types";
import type { Keyring } from "@/lib/hashing/keyring";
import { log } from "@/lib/log";
import { parsePhoneInput } from "@/lib/phone/phone-input";
import type { Limits } from "@/lib/rate-limit/limits";
import { heldOfferCodes } from "@/lib/offers/claim-code";
import { recordAudit } from "@/lib/audit/record";

export type AgentLookupDeps = {
  db: Db;
  sql: Sql;
  keyring: Keyring;
  region: string;
  limits: Pick<Limits, "agentLookupPerHour" | "agentLookupPerDay">;
  config: { rateLimits: Pick<Config["rateLimits"], "agentLookupPerDay"> };
};

/** Share of the daily limit from which an agent is flagged: still allowed, but watched. */
export const AGENT_WATCH_SHARE = 0.8;
const DAY_MS = 86_400_000;

/** Lookups in the last 24 hours from which an agent is flagged. */
export function agentWatchThreshold(perDay: number): number {
  return Math.max(1, Math.ceil(perDay * AGENT_WATCH_SHARE));
}

/**
 * A support agent looks a caller's number up: no code (the agent has verified the
 * caller by the carrier's own procedure), the same number input and lookup as the check.
 * Limited per agent per hour and per day (429 beyond), every lookup audited with who,
 * when and only the last four digits, and an agent passing AGENT_WATCH_SHARE of the
 * daily limit is logged as an error once (and flagged on the dashboard: agentsWatched):
 * one phished agent account must not enumerate numbers quietly.
 */
export async function agentLookup(
  deps: AgentLookupDeps,
  agent: Admin,
  input: unknown,
  ip?: string,
): Promise<ExposureResult> {
  const { phone } = parsePhoneInput(lookupSchema(deps.region), input);
  await deps.limits.agentLookupPerHour.consume(agent.id);
  await deps.limits.agentLookupPerDay.consume(agent.id);
  const found = await findExposures(deps.sql, deps.keyring, phone);
  await recordAgentLookup(deps.db, agent, phone, ip);
  // Codes already handed out are shown, never taken (ADR 32); each one shown is audited by
  // its pool only, not the number, like the lookup entry before it.
  const { result, shown } = await heldOfferCodes(deps, phone, found);
  for (const pool of shown)
    await recordAudit(deps.db, {
      actorId: agent.id,
      actorEmail: agent.email,
      action: "offer_code_viewed",
      target: pool,
      ip,
    });
  await watch(deps, agent);
  return result;
}

/** Counted from the audit log, so every node sees the same figure, limits on or off. */
async function watch(deps: AgentLookupDeps, agent: Admin): Promise<void> {
  const perDay = deps.config.rateLimits.agentLookupPerDay.points;
  const threshold = agentWatchThreshold(perDay);
  const lookups = await deps.db.auditLog.count({
    where: { action: "agent_lookup", actorEmail: agent.email, at: { gte: new Date(Date.now() - DAY_MS) } },
  });
  // Logged when the count reaches the threshold, so once per crossing, not on every lookup after.
  if (lookups === threshold)
    log.error(
      { agent: agent.email, lookups, perDay },
      `agent ${agent.email} made ${lookups} lookups in 24 hours (${AGENT_WATCH_SHARE * 100}% of the daily limit)`,
    );
}

export type WatchedAgent = { email: string; lookups: number };

/** Agents at or past the watch threshold in the last 24 hours, most lookups first. */
export async function agentsWatched(db: Db, perDay: number, now = new Date()): Promise<WatchedAgent[]> {
  const rows = await db.auditLog.groupBy({
    by: ["actorEmail"],
    where: { action: "agent_lookup", at: { gte: new Date(now.getTime() - DAY_MS) } },
    _count: { _all: true },
    having: { actorEmail: { _count: { gte: agentWatchThreshold(perDay) } } },
  });
  return rows
    .map((r) => ({ email: r.actorEmail, lookups: r._count._all }))
    .sort((a, b) => b.lookups - a.lookups || a.email.localeCompare(b.email));
}

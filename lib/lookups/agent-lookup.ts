import type { Admin } from "@/lib/auth/types";
import { recordAgentLookup } from "@/lib/audit/record";
import { startCheckSchema } from "@/lib/checks/schemas";
import type { Db } from "@/lib/db/client";
import type { Sql } from "@/lib/db/sql";
import { findExposures } from "@/lib/exposures/find-exposures";
import type { ExposureResult } from "@/lib/exposures/types";
import type { Keyring } from "@/lib/hashing/keyring";
import { parseInput } from "@/lib/validation/parse-input";

export type AgentLookupDeps = { db: Db; sql: Sql; keyring: Keyring; region: string };

/**
 * A support agent looks a caller's number up: no code (the agent has verified the
 * caller by the carrier's own procedure), the same schema and lookup as the check, and
 * every lookup audited with who, when and only the last four digits.
 */
export async function agentLookup(
  deps: AgentLookupDeps,
  agent: Admin,
  input: unknown,
  ip?: string,
): Promise<ExposureResult> {
  const { phone } = parseInput(startCheckSchema(deps.region), input);
  const result = await findExposures(deps.sql, deps.keyring, phone);
  await recordAgentLookup(deps.db, agent, phone, { affected: result.affected }, ip);
  return result;
}

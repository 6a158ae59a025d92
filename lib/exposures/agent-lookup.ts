import type { Admin } from "@/lib/auth/types";
import { recordAgentLookup } from "@/lib/audit/record";
import type { Db } from "@/lib/db/client";
import type { Sql } from "@/lib/db/sql";
import { findExposures } from "@/lib/exposures/find-exposures";
import { lookupSchema } from "@/lib/exposures/schemas";
import type { ExposureResult } from "@/lib/exposures/types";
import type { Keyring } from "@/lib/hashing/keyring";
import { parsePhoneInput } from "@/lib/phone/phone-input";

export type AgentLookupDeps = { db: Db; sql: Sql; keyring: Keyring; region: string };

/**
 * A support agent looks a caller's number up: no code (the agent has verified the
 * caller by the carrier's own procedure), the same number input and lookup as the check, and
 * every lookup audited with who, when and only the last four digits.
 */
export async function agentLookup(
  deps: AgentLookupDeps,
  agent: Admin,
  input: unknown,
  ip?: string,
): Promise<ExposureResult> {
  const { phone } = parsePhoneInput(lookupSchema(deps.region), input);
  const result = await findExposures(deps.sql, deps.keyring, phone);
  await recordAgentLookup(deps.db, agent, phone, { affected: result.affected }, ip);
  return result;
}

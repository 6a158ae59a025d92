import type { CheckDeps } from "@/lib/checks/deps";
import { findExposures } from "@/lib/exposures/find-exposures";
import type { ExposureResult } from "@/lib/exposures/types";
import { countCheckCompleted, countCheckVerified } from "@/lib/metrics/registry";
import { claimOfferCodes } from "@/lib/offers/claim-code";

/** A check whose code was just proven: the number, unsealed, and its times. */
export type VerifiedCheck = { phone: string; sentAt: Date; verifiedAt: Date };

/**
 * What follows a verified code: the lookup, then the counts. Kept apart from the
 * verification (lib/checks/verify-check.ts), whose database work must stay the same for
 * every number; from here on the number is proven and its result may differ.
 */
export async function checkResult(deps: CheckDeps, verified: VerifiedCheck): Promise<ExposureResult> {
  const { phone, sentAt, verifiedAt } = verified;
  countCheckVerified();
  await deps.conversion.recordVerified(phone, sentAt);
  // Proven: the number's activation codes are handed out only now (ADR 32).
  const result = await claimOfferCodes(deps, phone, await findExposures(deps.sql, deps.keyring, phone));
  deps.counts.add(verifiedAt, { completed: true, affected: result.affected });
  countCheckCompleted(result.affected);
  return result;
}

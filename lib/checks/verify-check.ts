import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation/parse-input";
import { checkIdSchema, verifyCheckSchema } from "@/lib/checks/schemas";
import type { CheckDeps } from "@/lib/checks/deps";
import { codeMatches, MAX_ATTEMPTS } from "@/lib/checks/codes";
import { unsealPhone } from "@/lib/hashing/seal";
import { findExposures } from "@/lib/exposures/find-exposures";
import type { ExposureResult } from "@/lib/exposures/types";
import { countCheck } from "@/lib/dashboard/check-stats";
import { claimOfferCodes } from "@/lib/offers/claim-code";

// bytea travels as base64 text: the 6.19 client cannot return raw Bytes from $queryRaw via adapter-pg 7.
type Claimed = {
  code_hash: string;
  sealed_phone: string | null;
  attempts: number;
  limiter_digest: string | null;
  created_at: Date;
};

/**
 * Verifies a one-time code and, only then, looks the number up. Each try is counted
 * atomically before the code is compared, so parallel guesses cannot exceed the limit.
 * Wrong codes also count against the number across all its checks (ADR 17): past that
 * cap every verification for the number answers 429, the right code included.
 */
export async function verifyCheck(
  deps: CheckDeps,
  checkId: string,
  input: unknown,
  /** The client's group (lib/http/client-group.ts). */
  group: string,
): Promise<ExposureResult> {
  await deps.limits.verifyPerIp.consume(group);
  const id = checkIdSchema.safeParse(checkId);
  if (!id.success) throw new AppError("check_not_found");
  const { code } = parseInput(verifyCheckSchema, input);
  const now = deps.now();

  const [claimed] = await deps.db.$queryRaw<Claimed[]>`
    UPDATE phone_check SET attempts = attempts + 1
    WHERE id = ${id.data} AND completed_at IS NULL AND expires_at > ${now} AND attempts < ${MAX_ATTEMPTS}
    RETURNING encode(code_hash, 'base64') AS code_hash, encode(sealed_phone, 'base64') AS sealed_phone, attempts,
      limiter_digest, created_at`;
  if (!claimed) throw await whyNotClaimable(deps, id.data, now);

  const cap = deps.failureCaps.verifyFailPerNumber;
  if (claimed.limiter_digest) await cap.check(claimed.limiter_digest);
  if (!codeMatches(deps.keyring, id.data, code, Buffer.from(claimed.code_hash, "base64"))) {
    if (claimed.limiter_digest) await cap.fail(claimed.limiter_digest);
    throw new AppError("code_incorrect", { attemptsRemaining: MAX_ATTEMPTS - claimed.attempts });
  }
  const done = await deps.db.$executeRaw`
    UPDATE phone_check SET completed_at = ${now}, sealed_phone = NULL, limiter_digest = NULL
    WHERE id = ${id.data} AND completed_at IS NULL`;
  if (done !== 1 || !claimed.sealed_phone) throw new AppError("code_used");

  let phone: string;
  try {
    phone = unsealPhone(deps.keyring.keyMaterial(), id.data, Buffer.from(claimed.sealed_phone, "base64"));
  } catch {
    // The lookup key changed since the code was sent: the customer starts again.
    throw new AppError("code_expired");
  }
  await deps.conversion.recordVerified(phone, new Date(claimed.created_at));
  // Proven: the number's activation codes are handed out only now (ADR 32).
  const result = await claimOfferCodes(deps, phone, await findExposures(deps.sql, deps.keyring, phone));
  await countCheck(deps.db, now, { completed: true, affected: result.affected });
  return result;
}

async function whyNotClaimable(deps: CheckDeps, id: string, now: Date): Promise<AppError> {
  const check = await deps.db.phoneCheck.findUnique({
    where: { id },
    select: { completedAt: true, attempts: true, expiresAt: true },
  });
  if (!check) return new AppError("check_not_found");
  if (check.completedAt) return new AppError("code_used");
  if (check.attempts >= MAX_ATTEMPTS) return new AppError("code_exhausted");
  if (check.expiresAt <= now) return new AppError("code_expired");
  return new AppError("check_not_found");
}

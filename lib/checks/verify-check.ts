import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation/parse-input";
import { checkIdSchema, verifyCheckSchema } from "@/lib/checks/schemas";
import type { CheckDeps } from "@/lib/checks/deps";
import { readCheck, tryCheck, type CheckState } from "@/lib/checks/check-store";
import { codeMatches, MAX_ATTEMPTS } from "@/lib/checks/codes";
import { checkResult, type VerifiedCheck } from "@/lib/checks/check-result";
import { unsealPhone } from "@/lib/hashing/seal";
import type { ExposureResult } from "@/lib/exposures/types";

/** Verifies a one-time code and, only then, builds the result (lib/checks/check-result.ts). */
export async function verifyCheck(
  deps: CheckDeps,
  checkId: string,
  input: unknown,
  /** The client's group (lib/http/client-group.ts). */
  group: string,
): Promise<ExposureResult> {
  return checkResult(deps, await verifyCode(deps, checkId, input, group));
}

/**
 * The verification itself: a read, the guards, then one write that counts the try and,
 * with the right code, completes the check (one commit; docs/adr/0031-check-hot-path.md).
 * Each try is counted atomically, so parallel guesses cannot exceed the limit. Wrong codes
 * also count against the number across all its checks (ADR 17): past that cap every
 * verification for the number answers 429, the right code included. The same statements
 * for every number: the number is still sealed, and nothing here looks it up.
 */
export async function verifyCode(
  deps: CheckDeps,
  checkId: string,
  input: unknown,
  group: string,
): Promise<VerifiedCheck> {
  await deps.limits.verifyPerIp.consume(group);
  const id = checkIdSchema.safeParse(checkId);
  if (!id.success) throw new AppError("check_not_found");
  const { code } = parseInput(verifyCheckSchema, input);
  const now = deps.now();

  const check = await readCheck(deps.sql, id.data);
  const closed = whyClosed(check, now);
  if (closed || !check) throw closed ?? new AppError("check_not_found");

  const cap = deps.failureCaps.verifyFailPerNumber;
  if (check.limiterDigest) await cap.check(check.limiterDigest);
  const matched = codeMatches(deps.keyring, id.data, code, check.codeHash);
  const attempts = await tryCheck(deps.sql, id.data, now, matched);
  // Closed between the read and the write (a parallel try): say why as it stands now.
  if (attempts === null) throw whyClosed(await readCheck(deps.sql, id.data), now) ?? new AppError("code_used");
  if (!matched) {
    if (check.limiterDigest) await cap.fail(check.limiterDigest);
    throw new AppError("code_incorrect", { attemptsRemaining: MAX_ATTEMPTS - attempts });
  }
  if (!check.sealedPhone) throw new AppError("code_used");

  try {
    const phone = unsealPhone(deps.keyring.keyMaterial(), id.data, check.sealedPhone);
    return { phone, sentAt: check.createdAt, verifiedAt: now };
  } catch {
    // The lookup key changed since the code was sent: the customer starts again.
    throw new AppError("code_expired");
  }
}

/** Why a check takes no try, or null if it does. */
function whyClosed(check: CheckState | null, now: Date): AppError | null {
  if (!check) return new AppError("check_not_found");
  if (check.completed) return new AppError("code_used");
  if (check.attempts >= MAX_ATTEMPTS) return new AppError("code_exhausted");
  if (check.expiresAt <= now) return new AppError("code_expired");
  return null;
}

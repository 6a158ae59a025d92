import { startCheckSchema } from "@/lib/checks/schemas";
import type { CheckDeps } from "@/lib/checks/deps";
import { CODE_TTL_MS, hashCode, newCheckId, newCode } from "@/lib/checks/codes";
import { sealPhone } from "@/lib/hashing/seal";
import { parsePhoneInput } from "@/lib/phone/phone-input";
import { maskPhone } from "@/lib/phone/mask";
import { findExposures } from "@/lib/exposures/find-exposures";
import type { ExposureResult } from "@/lib/exposures/types";
import { numberKey } from "@/lib/rate-limit/limits";
import { codeMessage } from "@/lib/sms/code-message";
import { assertDestination } from "@/lib/sms/destination-policy";
import { countCheck } from "@/lib/dashboard/check-stats";

export type StartCheckOutcome =
  | { status: "code_sent"; checkId: string; expiresAt: string; maskedPhone: string }
  | { status: "complete"; result: ExposureResult };

/**
 * Starts a check. In verified mode it does exactly the same work whether or not the
 * number is affected — no lookup happens before the code is proven — and answers with
 * the same shape; in open mode it answers at once. Before anything is texted, the guards
 * of ADR 17 run in their order: client group, destination, challenge, per-number limit,
 * budget. Each depends on the number's type, region or prefix, or on traffic, never on
 * the lists.
 */
export async function startCheck(
  deps: CheckDeps,
  input: unknown,
  /** The client's group (lib/http/client-group.ts: an IPv4 address or an IPv6 /64). */
  group: string,
): Promise<StartCheckOutcome> {
  await deps.limits.checkPerIp.consume(group);
  const { phone, altcha } = parsePhoneInput(startCheckSchema(deps.region), input);

  if (deps.mode === "open") {
    // Nothing is texted; the challenge still slows enumeration.
    await deps.challenge.enforce(group, undefined, altcha);
    const result = await findExposures(deps.sql, deps.keyring, phone);
    await countCheck(deps.db, deps.now(), { started: true, completed: true, affected: result.affected });
    return { status: "complete", result };
  }

  assertDestination(phone, deps.destinations);
  await deps.challenge.enforce(group, phone, altcha);
  // Keyed by the number's digest: the limiter never holds the number itself.
  const limiterDigest = numberKey(deps.keyring, phone);
  await deps.limits.sendPerNumber.consume(limiterDigest);
  await deps.budget.reserveOrThrow(phone);

  const now = deps.now();
  const checkId = newCheckId();
  const code = newCode();
  const expiresAt = new Date(now.getTime() + CODE_TTL_MS);
  // Forget checks that ended over an hour ago (kept that long to say "expired", not "unknown").
  await deps.db.$executeRaw`DELETE FROM phone_check WHERE expires_at < ${new Date(now.getTime() - 3_600_000)}`;
  await deps.db.phoneCheck.create({
    data: {
      id: checkId,
      sealedPhone: new Uint8Array(sealPhone(deps.keyring.keyMaterial(), checkId, phone)),
      codeHash: new Uint8Array(hashCode(deps.keyring, checkId, code)),
      // Verifying counts wrong codes per number under it (the number stays sealed until then).
      limiterDigest,
      expiresAt,
      createdAt: now,
    },
  });
  await deps.sms.send(phone, codeMessage(code, deps.publicUrl, await deps.carrier.current()));
  await deps.conversion.recordSent(phone, now);
  // The same arguments for every number: the start does not know the result.
  await countCheck(deps.db, now, { started: true });
  return { status: "code_sent", checkId, expiresAt: expiresAt.toISOString(), maskedPhone: maskPhone(phone) };
}

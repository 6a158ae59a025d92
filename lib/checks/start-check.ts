import { startCheckSchema } from "@/lib/checks/schemas";
import type { CheckDeps } from "@/lib/checks/deps";
import { CODE_TTL_MS, hashCode, newCheckId, newCode } from "@/lib/checks/codes";
import { sealPhone } from "@/lib/hashing/seal";
import { parsePhoneInput } from "@/lib/phone/phone-input";
import { maskPhone } from "@/lib/phone/mask";
import { findExposures } from "@/lib/exposures/find-exposures";
import type { ExposureResult } from "@/lib/exposures/types";
import { getTranslator } from "@/lib/i18n/translator";
import { countCheck } from "@/lib/dashboard/check-stats";

export type StartCheckOutcome =
  | { status: "code_sent"; checkId: string; expiresAt: string; maskedPhone: string }
  | { status: "complete"; result: ExposureResult };

/**
 * Starts a check. In verified mode it does exactly the same work whether or not the
 * number is affected — no lookup happens before the code is proven — and answers with
 * the same shape; in open mode it answers at once.
 */
export async function startCheck(deps: CheckDeps, input: unknown, clientIp: string): Promise<StartCheckOutcome> {
  await deps.limits.checkPerIp.consume(clientIp);
  const { phone } = parsePhoneInput(startCheckSchema(deps.region), input);

  if (deps.mode === "open") {
    const result = await findExposures(deps.sql, deps.keyring, phone);
    await countCheck(deps.db, deps.now(), { started: true, completed: true, affected: result.affected });
    return { status: "complete", result };
  }

  // Keyed by the number's digest: the limiter never holds the number itself.
  await deps.limits.sendPerNumber.consume(deps.keyring.digest("rate-limit", phone).toString("base64url"));

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
      expiresAt,
      createdAt: now,
    },
  });
  const t = getTranslator();
  await deps.sms.send(phone, t("sms.code", { app: t("app.name"), code }));
  // The same arguments for every number: the start does not know the result.
  await countCheck(deps.db, now, { started: true });
  return { status: "code_sent", checkId, expiresAt: expiresAt.toISOString(), maskedPhone: maskPhone(phone) };
}

import { AppError } from "@/lib/errors";
import type { CheckDeps } from "@/lib/checks/deps";
import { expireCheck, readCheck } from "@/lib/checks/check-store";
import { checkIdSchema } from "@/lib/checks/schemas";
import { sendCode } from "@/lib/checks/start-check";
import { unsealPhone } from "@/lib/hashing/seal";
import type { Locale } from "@/lib/i18n/locale";

/**
 * "Send a new code" on the code step (WCAG 3.3.7: the customer never types the number
 * again). The number comes from the check's sealed copy, never from the browser, and
 * the new text passes the same per-client, per-number and budget limits as a start;
 * the challenge was solved for this number when the check began. Once the new code is
 * sent, the old one stops working. The same work whether or not the number is affected.
 */
export async function resendCode(deps: CheckDeps, checkId: string, group: string, locale?: Locale) {
  await deps.limits.checkPerIp.consume(group);
  const id = checkIdSchema.safeParse(checkId);
  if (!id.success) throw new AppError("check_not_found");
  const check = await readCheck(deps.sql, id.data);
  if (check?.completed) throw new AppError("code_used");
  if (!check?.sealedPhone) throw new AppError("check_not_found");
  let phone: string;
  try {
    phone = unsealPhone(deps.keyring.keyMaterial(), id.data, check.sealedPhone);
  } catch {
    // The lookup key changed since the first code: the customer starts again.
    throw new AppError("check_not_found");
  }
  const sent = await sendCode(deps, phone, { started: false }, locale);
  await expireCheck(deps.sql, id.data, deps.now());
  return sent;
}

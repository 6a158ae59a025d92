import { AppError } from "@/lib/errors";
import type { CheckDeps } from "@/lib/checks/deps";
import { checkIdSchema } from "@/lib/checks/schemas";
import { sendCode } from "@/lib/checks/start-check";
import { unsealPhone } from "@/lib/hashing/seal";

type Pending = { sealed_phone: string | null; completed_at: Date | null };

/**
 * "Send a new code" on the code step (WCAG 3.3.7: the customer never types the number
 * again). The number comes from the check's sealed copy, never from the browser, and
 * the new text passes the same per-client, per-number and budget limits as a start;
 * the challenge was solved for this number when the check began. Once the new code is
 * sent, the old one stops working. The same work whether or not the number is affected.
 */
export async function resendCode(deps: CheckDeps, checkId: string, group: string) {
  await deps.limits.checkPerIp.consume(group);
  const id = checkIdSchema.safeParse(checkId);
  if (!id.success) throw new AppError("check_not_found");
  // bytea travels as base64 text (see verify-check.ts).
  const [check] = await deps.db.$queryRaw<Pending[]>`
    SELECT encode(sealed_phone, 'base64') AS sealed_phone, completed_at FROM phone_check WHERE id = ${id.data}`;
  if (check?.completed_at) throw new AppError("code_used");
  if (!check?.sealed_phone) throw new AppError("check_not_found");
  let phone: string;
  try {
    phone = unsealPhone(deps.keyring.keyMaterial(), id.data, Buffer.from(check.sealed_phone, "base64"));
  } catch {
    // The lookup key changed since the first code: the customer starts again.
    throw new AppError("check_not_found");
  }
  const sent = await sendCode(deps, phone, { started: false });
  const now = deps.now();
  await deps.db.$executeRaw`UPDATE phone_check SET expires_at = ${now} WHERE id = ${id.data} AND expires_at > ${now}`;
  return sent;
}

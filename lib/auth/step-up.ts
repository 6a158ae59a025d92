import { z } from "zod";
import type { AuthDeps } from "@/lib/auth/deps";
import type { Admin, RequestMeta } from "@/lib/auth/types";
import { checkSessionCode, FactorCode } from "@/lib/auth/second-factor";
import { recordAudit } from "@/lib/audit/record";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation/parse-input";

/**
 * Step-up (docs/adr/0019): high-risk console actions (API keys, users and roles, undoing
 * an import, pausing texts, remediation text) need a second factor confirmed in this
 * session within the last ADMIN_STEP_UP_SECONDS. The time is kept on the session row
 * (admin_session.step_up_at), written by a sign-in with a factor, by enrolment and by
 * confirmStepUp; a new session starts without one. The check is requireStepUp
 * (lib/auth/step-up-window.ts, re-exported here).
 */
export { requireStepUp } from "@/lib/auth/step-up-window";

const StepUpInput = z.object({ code: FactorCode });

/**
 * Confirms a code from the user's authenticator (or a backup code, used up) for this
 * session. Wrong codes are capped per user (5 in 15 minutes), since a signed-in session
 * alone must not be enough to guess one.
 */
export async function confirmStepUp(
  deps: AuthDeps,
  admin: Admin,
  input: unknown,
  cookieHeader: string,
  meta: RequestMeta,
): Promise<void> {
  const { code } = parseInput(StepUpInput, input);
  await confirmWith(deps, admin, meta, /^\d{6}$/.test(code) ? "totp" : "backup_code", () =>
    checkSessionCode(deps, admin, code, cookieHeader),
  );
}

/**
 * Confirms a factor for this session with `check`, under the per-user cap on failures;
 * audited either way. Shared by codes (above) and passkeys (lib/auth/passkey-factor.ts).
 */
export async function confirmWith(
  deps: AuthDeps,
  admin: Admin,
  meta: RequestMeta,
  factor: "totp" | "backup_code" | "passkey",
  check: () => Promise<boolean>,
): Promise<void> {
  if (!admin.secondFactor) throw new AppError("second_factor_required");
  await deps.caps.stepUpFailPerUser.check(admin.id);
  const audit = { actorId: admin.id, actorEmail: admin.email, ip: meta.ip };
  if (!(await check())) {
    await deps.caps.stepUpFailPerUser.fail(admin.id);
    await recordAudit(deps.db, { ...audit, action: "step_up_failed", details: { factor } });
    throw new AppError(factor === "passkey" ? "passkey_failed" : "factor_incorrect");
  }
  await deps.db.adminSession.updateMany({ where: { id: admin.sessionId }, data: { stepUpAt: deps.now() } });
  await recordAudit(deps.db, { ...audit, action: "step_up", details: { factor } });
}

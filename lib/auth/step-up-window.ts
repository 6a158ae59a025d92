import type { AuthDeps } from "@/lib/auth/deps";
import type { Admin } from "@/lib/auth/types";
import { AppError } from "@/lib/errors";

/**
 * The step-up check alone (docs/adr/0019), apart from lib/auth/step-up.ts so that
 * second-factor.ts can use it without an import cycle (step-up.ts imports second-factor.ts).
 * A high-risk action needs a second factor confirmed in this session within the last
 * ADMIN_STEP_UP_SECONDS, kept on the session row (admin_session.step_up_at).
 */
export async function requireStepUp(deps: AuthDeps, admin: Admin): Promise<void> {
  // ADMIN_MFA=off and no factor: there is nothing to confirm with (local demos only).
  if (!admin.secondFactor && !deps.mfaRequired) return;
  const session = await deps.db.adminSession.findUnique({ where: { id: admin.sessionId }, select: { stepUpAt: true } });
  const at = session?.stepUpAt?.getTime();
  if (at === undefined || deps.now().getTime() - at > deps.stepUpSeconds * 1000) {
    throw new AppError("step_up_required");
  }
}

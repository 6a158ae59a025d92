import "server-only";
import type { AuditCtx } from "@/lib/audit/record";
import type { Admin } from "@/lib/auth/types";
import { requestMeta } from "@/lib/auth/next";
import type { AppError } from "@/lib/errors";
import { errorMessage, translateKey } from "@/lib/http/respond";
import { getTranslator } from "@/lib/i18n/translator";

/**
 * Shared by the console's server actions (a plain module: "use server" files export only
 * actions). What every server action shares: formString (lib/validation/form-data.ts) and
 * asAppError (lib/http/respond.ts).
 */

/** Who acts and from where, for the audit log. */
export async function actorContext(admin: Admin): Promise<AuditCtx> {
  return { actor: { id: admin.id, email: admin.email }, ip: (await requestMeta()).ip };
}

/**
 * A form action's failure in the user's words: with refused fields, `fixErrors` above the
 * form and each field's message beside it; otherwise the error's own message.
 */
export function formFailure(
  error: AppError,
  fixErrors: string,
): { error: string; errors?: Record<string, string>; stepUp?: true } {
  const t = getTranslator();
  const fields = error.details.fields;
  if (!fields) return actionFailure(error);
  return {
    error: fixErrors,
    errors: Object.fromEntries(Object.entries(fields).map(([k, key]) => [k, translateKey(t, key)])),
  };
}

/**
 * A failure without fields, as an action state: the message, and `stepUp` when the action
 * needs a fresh second factor (lib/auth/step-up.ts), which the form's useStepUpAction
 * turns into a code prompt that resubmits the form.
 */
export function actionFailure(error: AppError): { error: string; stepUp?: true } {
  const message = errorMessage(error, getTranslator());
  return error.code === "step_up_required" ? { error: message, stepUp: true } : { error: message };
}

"use server";

import { actionFailure } from "@/app/admin/action-helpers";
import { cookieHeader, requestMeta, requireAdmin } from "@/lib/auth/next";
import { confirmStepUp } from "@/lib/auth/step-up";
import { asAppError } from "@/lib/http/respond";
import { getServices } from "@/lib/services";
import { formString } from "@/lib/validation/form-data";

export type StepUpState = { confirmed?: boolean; error?: string };

/**
 * Confirms a second-factor code for this session (lib/auth/step-up.ts). It sets no
 * cookie, so the page is not refreshed and the form waiting for it keeps its input.
 */
export async function confirmStepUpAction(_prev: StepUpState, form: FormData): Promise<StepUpState> {
  const admin = await requireAdmin();
  try {
    await confirmStepUp(
      getServices().admin,
      admin,
      { code: formString(form, "code").slice(0, 64) },
      (await cookieHeader()) ?? "",
      await requestMeta(),
    );
    return { confirmed: true };
  } catch (e) {
    return actionFailure(asAppError(e, "step-up"));
  }
}

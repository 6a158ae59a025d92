"use server";

import { actionFailure } from "@/app/admin/action-helpers";
import { cookieHeader, requestMeta, requireAdmin } from "@/lib/auth/next";
import { confirmStepUpPasskey, stepUpPasskeyOptions } from "@/lib/auth/passkey-factor";
import type { Ceremony, RequestOptions } from "@/lib/auth/passkeys";
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

export type StepUpPasskeyState = { ceremony?: Ceremony<RequestOptions>; error?: string };

/** Step-up with a passkey (docs/adr/0038), step 1: options for the user's own passkeys. */
export async function stepUpPasskeyOptionsAction(_prev: unknown, _form?: FormData): Promise<StepUpPasskeyState> {
  const admin = await requireAdmin();
  try {
    return { ceremony: await stepUpPasskeyOptions(getServices().admin, admin) };
  } catch (e) {
    return actionFailure(asAppError(e, "step-up passkey options"));
  }
}

/** Step 2: the assertion confirms this session (no cookie is set, as with a code). */
export async function confirmStepUpPasskeyAction(_prev: unknown, form: FormData): Promise<StepUpState> {
  const admin = await requireAdmin();
  try {
    await confirmStepUpPasskey(
      getServices().admin,
      admin,
      { response: formString(form, "response"), handle: formString(form, "handle") },
      await requestMeta(),
    );
    return { confirmed: true };
  } catch (e) {
    return actionFailure(asAppError(e, "step-up passkey"));
  }
}

"use server";

import { revalidatePath } from "next/cache";
import { actionFailure, formFailure } from "@/app/admin/action-helpers";
import { changeOwnPassword } from "@/lib/auth/change-password";
import { requestMeta, requireSignedIn, requireStepUp } from "@/lib/auth/next";
import { removePasskey } from "@/lib/auth/passkeys";
import { asAppError } from "@/lib/http/respond";
import { getTranslator } from "@/lib/i18n/translator";
import { getServices } from "@/lib/services";
import { formString } from "@/lib/validation/form-data";

/** The password form's state: never a password, only what went wrong or that it worked. */
export type ChangePasswordState = { errors?: Record<string, string>; error?: string; notice?: string };

/** Every signed-in user: replace their own password (other sessions end). */
export async function changePasswordAction(
  _prev: ChangePasswordState | undefined,
  form: FormData,
): Promise<ChangePasswordState> {
  const admin = await requireSignedIn();
  const t = getTranslator();
  const input = {
    currentPassword: formString(form, "currentPassword"),
    newPassword: formString(form, "newPassword"),
    confirmPassword: formString(form, "confirmPassword"),
  };
  try {
    const { sessionsEnded } = await changeOwnPassword(getServices().admin, admin, input, await requestMeta());
    return { notice: t("admin.account.changed", { sessions: sessionsEnded }).trim() };
  } catch (e) {
    return formFailure(asAppError(e, "password change"), t("admin.account.fixErrors"));
  }
}

export type RemovePasskeyState = { error?: string; notice?: string; stepUp?: true };

/** Removes one of the user's own passkeys, after a fresh step-up; never their last factor. */
export async function removePasskeyAction(
  _prev: RemovePasskeyState | undefined,
  form: FormData,
): Promise<RemovePasskeyState> {
  const admin = await requireSignedIn();
  try {
    await requireStepUp(admin);
    const { name } = await removePasskey(
      getServices().admin,
      admin,
      { id: formString(form, "id") },
      await requestMeta(),
    );
    revalidatePath("/admin/account");
    return { notice: getTranslator()("admin.passkeys.removed", { name }) };
  } catch (e) {
    return actionFailure(asAppError(e, "passkey removal"));
  }
}

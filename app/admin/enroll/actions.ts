"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { actionFailure, formFailure } from "@/app/admin/action-helpers";
import { cookieHeader, requestMeta, requireSession, setCookies } from "@/lib/auth/next";
import { passkeyRegistrationOptions, registerPasskey, type Ceremony, type CreationOptions } from "@/lib/auth/passkeys";
import { confirmEnrolment, startEnrolment, takeBackupCodes, type Enrolment } from "@/lib/auth/second-factor";
import { asAppError } from "@/lib/http/respond";
import { getTranslator } from "@/lib/i18n/translator";
import { getServices } from "@/lib/services";
import { formString } from "@/lib/validation/form-data";

/**
 * The enrolment form's state: the QR code and key once the password was confirmed; `stepUp`
 * when a user who has passkeys adds TOTP (docs/adr/0040) without a fresh step-up.
 */
export type EnrolState = { enrolment?: Enrolment; error?: string; errors?: Record<string, string>; stepUp?: true };

const BACKUP_CODES_PATH = "/admin/enroll/backup-codes";

/**
 * Step 1: the password again → a new TOTP key, returned to the form (no cookie is set).
 * Shared by the enrolment page and, for a user with only passkeys, the account page.
 */
export async function startEnrolmentAction(_prev: EnrolState, form: FormData): Promise<EnrolState> {
  const admin = await requireSession();
  try {
    const enrolment = await startEnrolment(
      getServices().admin,
      admin,
      { password: formString(form, "password") },
      (await cookieHeader()) ?? "",
    );
    return { enrolment };
  } catch (e) {
    return formFailure(asAppError(e, "enrolment"), "");
  }
}

/**
 * Step 2: the first code confirms the factor. better-auth replaces the session (new
 * cookie), so the backup codes are not returned here, where a refresh could lose them:
 * the browser goes to their own page, which shows them once.
 */
export async function confirmEnrolmentAction(prev: EnrolState, form: FormData): Promise<EnrolState> {
  const admin = await requireSession();
  try {
    const { setCookie } = await confirmEnrolment(
      getServices().admin,
      admin,
      { code: formString(form, "code") },
      (await cookieHeader()) ?? "",
      await requestMeta(),
    );
    await setCookies(setCookie);
  } catch (e) {
    return { enrolment: prev.enrolment, ...actionFailure(asAppError(e, "enrolment")) };
  }
  redirect(BACKUP_CODES_PATH);
}

export type BackupCodesState = { codes?: string[]; gone?: boolean };

/** Reveals the backup codes, once, as this action's answer (no cookie, no refresh). */
export async function revealBackupCodesAction(_prev: BackupCodesState): Promise<BackupCodesState> {
  const admin = await requireSession();
  const codes = await takeBackupCodes(getServices().admin, admin);
  return codes ? { codes } : { gone: true };
}

/** A passkey form's state: the options for the browser, or what went wrong, or that it worked. */
export type PasskeyState = {
  ceremony?: Ceremony<CreationOptions>;
  error?: string;
  errors?: Record<string, string>;
  notice?: string;
  stepUp?: true;
  /** The name typed, shown again after a failure (React resets the form after its action). */
  values?: { name: string };
};

/**
 * Registering a passkey (docs/adr/0038), step 1: options for the browser. At enrolment it
 * takes the password again; for a user with a factor, a fresh step-up (the form's
 * useStepUpAction asks for it). Shared by the enrolment and account pages.
 */
export async function passkeyRegistrationOptionsAction(_prev: unknown, form: FormData): Promise<PasskeyState> {
  const admin = await requireSession();
  try {
    const ceremony = await passkeyRegistrationOptions(
      getServices().admin,
      admin,
      { password: formString(form, "password") },
      (await cookieHeader()) ?? "",
      await requestMeta(),
    );
    return { ceremony };
  } catch (e) {
    return formFailure(asAppError(e, "passkey options"), getTranslator()("admin.passkeys.fixErrors"));
  }
}

/**
 * Step 2: the browser's new credential, verified and stored under its name. A user's
 * first factor ends enrolment (to the console); otherwise the account page's list is
 * refreshed and says so.
 */
export async function registerPasskeyAction(_prev: unknown, form: FormData): Promise<PasskeyState> {
  const admin = await requireSession();
  const name = formString(form, "name");
  let enrolled: boolean;
  try {
    ({ enrolled } = await registerPasskey(
      getServices().admin,
      admin,
      { name, response: formString(form, "response"), handle: formString(form, "handle") },
      (await cookieHeader()) ?? "",
      await requestMeta(),
    ));
  } catch (e) {
    return formFailure(asAppError(e, "passkey registration"), getTranslator()("admin.passkeys.fixErrors"));
  }
  if (enrolled) redirect("/admin");
  revalidatePath("/admin/account");
  return { notice: getTranslator()("admin.passkeys.added", { name: name.trim() }) };
}

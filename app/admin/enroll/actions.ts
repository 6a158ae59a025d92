"use server";

import { redirect } from "next/navigation";
import { actionFailure, formFailure } from "@/app/admin/action-helpers";
import { cookieHeader, requestMeta, requireSession, setCookies } from "@/lib/auth/next";
import { confirmEnrolment, startEnrolment, takeBackupCodes, type Enrolment } from "@/lib/auth/second-factor";
import { asAppError } from "@/lib/http/respond";
import { getServices } from "@/lib/services";
import { formString } from "@/lib/validation/form-data";

/** The enrolment form's state: the QR code and key once the password was confirmed. */
export type EnrolState = { enrolment?: Enrolment; error?: string; errors?: Record<string, string> };

const BACKUP_CODES_PATH = "/admin/enroll/backup-codes";

/** Step 1: the password again → a new TOTP key, returned to the form (no cookie is set). */
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

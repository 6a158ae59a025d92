"use server";

import { revalidatePath } from "next/cache";
import { actionFailure, actorContext } from "@/app/admin/action-helpers";
import { requirePermission, requireStepUp } from "@/lib/auth/next";
import { asAppError } from "@/lib/http/respond";
import { getTranslator } from "@/lib/i18n/translator";
import { getServices } from "@/lib/services";
import { pauseTexts, resumeTexts } from "@/lib/sms/pause";
import { formString } from "@/lib/validation/form-data";

/** The pause form's outcome: an error or a notice. */
export type SmsPauseState = { error?: string; notice?: string; stepUp?: true };

const DASHBOARD_PATH = "/admin/dashboard";

/** Owners: stop every text on every node until resumed (confirmed by a checkbox; audited). */
export async function pauseTextsAction(_prev: SmsPauseState | undefined, form: FormData): Promise<SmsPauseState> {
  const admin = await requirePermission("settings:manage");
  try {
    await requireStepUp(admin);
    const { changed } = await pauseTexts(
      getServices().db,
      { confirm: formString(form, "confirm") },
      await actorContext(admin),
    );
    revalidatePath(DASHBOARD_PATH);
    const t = getTranslator();
    return { notice: t(changed ? "admin.dashboard.sms.pause.paused" : "admin.dashboard.sms.pause.alreadyPaused") };
  } catch (e) {
    return actionFailure(asAppError(e, "SMS pause"));
  }
}

/** Owners: let texts go out again (audited). */
export async function resumeTextsAction(_prev: SmsPauseState | undefined, _form: FormData): Promise<SmsPauseState> {
  const admin = await requirePermission("settings:manage");
  try {
    await requireStepUp(admin);
    const { changed } = await resumeTexts(getServices().db, await actorContext(admin));
    revalidatePath(DASHBOARD_PATH);
    const t = getTranslator();
    return { notice: t(changed ? "admin.dashboard.sms.pause.resumed" : "admin.dashboard.sms.pause.notPaused") };
  } catch (e) {
    return actionFailure(asAppError(e, "SMS pause"));
  }
}

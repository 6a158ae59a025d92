"use client";

import { useTranslations } from "use-intl";
import { useStepUpAction } from "@/components/forms/useStepUpAction";
import type { SmsPauseState } from "@/app/admin/dashboard/actions";
import { ConfirmButton } from "@/components/forms/ConfirmButton";

type Action = (prev: SmsPauseState | undefined, form: FormData) => Promise<SmsPauseState>;
/** sentThisHour: texts sent this hour, stated in the confirmation. */
type Props = { paused: boolean; sentThisHour: number; pause: Action; resume: Action };

/**
 * Owners: pause every text (behind the confirmation step stating what will happen)
 * or resume them, with the outcome next to the form.
 */
export function SmsPauseForm({ paused, sentThisHour, pause, resume }: Props) {
  const t = useTranslations("admin.dashboard.sms.pause");
  const [pauseState, pauseAction, pausing, pauseStepUp] = useStepUpAction(pause, {});
  const [resumeState, resumeAction, resuming, resumeStepUp] = useStepUpAction(resume, {});
  const button = "rounded-md px-3 py-1.5 font-semibold text-white focus:outline-none focus:ring-4 disabled:opacity-70";
  const outcome = (state: SmsPauseState) =>
    state.error ? (
      <p role="alert" className="font-medium text-red-800">
        {state.error}
      </p>
    ) : (
      <p role="status" className="text-sm font-medium text-green-800">
        {state.notice ?? ""}
      </p>
    );
  return (
    <div className="space-y-3">
      <h3 className="text-lg font-bold text-slate-900">{t("heading")}</h3>
      <p className="text-slate-800">{t("intro")}</p>
      {paused ? (
        <form action={resumeAction} className="space-y-2">
          <p className="text-slate-800">{t("resumeIntro")}</p>
          <button
            type="submit"
            disabled={resuming}
            className={`${button} bg-blue-800 hover:bg-blue-900 focus:ring-blue-300`}
          >
            {t("resume")}
          </button>
          {outcome(resumeState)}
        </form>
      ) : (
        <ConfirmButton
          action={pauseAction}
          trigger={t("open")}
          consequence={t("consequence", { sent: sentThisHour })}
          confirm={t("submit")}
          pending={pausing}
          open={Boolean(pauseState.error)}
        >
          {outcome(pauseState)}
        </ConfirmButton>
      )}
      {pauseStepUp}
      {resumeStepUp}
    </div>
  );
}

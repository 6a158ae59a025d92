"use client";

import { useTranslations } from "use-intl";
import { useStepUpAction } from "@/components/forms/useStepUpAction";
import type { SmsPauseState } from "@/app/admin/dashboard/actions";

type Action = (prev: SmsPauseState | undefined, form: FormData) => Promise<SmsPauseState>;
type Props = { paused: boolean; pause: Action; resume: Action };

/**
 * Owners: pause every text (behind a disclosure and a checkbox stating what will happen)
 * or resume them, with the outcome next to the form.
 */
export function SmsPauseForm({ paused, pause, resume }: Props) {
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
        <details className="rounded-md border border-slate-300 p-2" open={Boolean(pauseState.error)}>
          <summary className="cursor-pointer font-semibold text-red-800">{t("open")}</summary>
          <form action={pauseAction} className="mt-2 space-y-2">
            <label className="flex items-center gap-2 text-slate-900">
              <input type="checkbox" name="confirm" value="yes" required className="h-5 w-5" />
              {t("confirm")}
            </label>
            <button
              type="submit"
              disabled={pausing}
              className={`${button} bg-red-800 hover:bg-red-900 focus:ring-red-300`}
            >
              {t("submit")}
            </button>
            {outcome(pauseState)}
          </form>
        </details>
      )}
      {pauseStepUp}
      {resumeStepUp}
    </div>
  );
}

import { useEffect, useState } from "react";
import { useTranslations } from "use-intl";
import { TextField } from "@/components/forms/Fields";
import { SubmitButton } from "@/components/forms/SubmitButton";
import { RestartForm } from "@/components/check/RestartForm";

type Props = {
  action: (form: FormData) => void;
  pending: boolean;
  checkId: string;
  maskedPhone: string;
  /** How long the code stays valid, from when this step is shown. */
  expiresInMs?: number;
  error?: string;
  /** The code can no longer be used: the step offers a new one instead of a dead end. */
  dead?: boolean;
  resent?: boolean;
};

/** The minute before a code expires, when the page warns (WCAG 2.2.1). */
const WARN_BEFORE_MS = 60_000;

type Phase = "fresh" | "soon" | "expired";

/**
 * Counts down on this device's clock from the server's "valid for", so a skewed clock
 * does not matter: "soon" a minute before the end, "expired" at the end.
 */
function useCodeClock(expiresInMs: number | undefined, checkId: string): Phase {
  // Keyed by the check: a new code starts "fresh" without resetting state in the effect.
  const [seen, setSeen] = useState<{ checkId: string; phase: Phase } | null>(null);
  useEffect(() => {
    if (expiresInMs === undefined) return;
    const timers = [
      setTimeout(() => setSeen({ checkId, phase: "soon" }), Math.max(0, expiresInMs - WARN_BEFORE_MS)),
      setTimeout(() => setSeen({ checkId, phase: "expired" }), expiresInMs),
    ];
    return () => timers.forEach(clearTimeout);
  }, [expiresInMs, checkId]);
  return seen?.checkId === checkId ? seen.phase : "fresh";
}

/**
 * Step 2: the one-time code. The same screen whether or not the number is affected.
 * A new code can be sent from here at any time, within the limits of a start, and
 * never asks for the number again (WCAG 3.3.7): the server keeps it sealed.
 */
export function CodeForm({ action, pending, checkId, maskedPhone, expiresInMs, error, dead, resent }: Props) {
  const t = useTranslations("code");
  const phase = useCodeClock(dead ? undefined : expiresInMs, checkId);
  const usable = !dead && phase !== "expired";
  const ids = (
    <>
      <input type="hidden" name="checkId" value={checkId} />
      <input type="hidden" name="maskedPhone" value={maskedPhone} />
      <input type="hidden" name="expiresInMs" value={expiresInMs ?? ""} />
    </>
  );
  return (
    <div className="space-y-4">
      <h2 tabIndex={-1} data-step-focus className="text-xl font-semibold text-slate-900 focus:outline-none">
        {t("title")}
      </h2>
      <p className="text-slate-800">
        {resent ? t("resent", { phone: maskedPhone }) : t("sent", { phone: maskedPhone })}
      </p>
      {/* Always in the page, so a screen reader hears what is added to it. */}
      <p aria-live="polite" className="font-medium text-amber-900 empty:hidden">
        {!dead && phase === "soon" && t("expiresSoon")}
        {!dead && phase === "expired" && t("expired")}
      </p>
      {usable ? (
        <form action={action} className="space-y-4" noValidate>
          <input type="hidden" name="intent" value="verify" />
          {ids}
          <TextField
            name="code"
            label={t("label")}
            hint={t("hint")}
            error={error}
            type="text"
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="[0-9 ]*"
            maxLength={8}
            required
            className="w-40 tracking-widest"
          />
          <SubmitButton pending={pending}>{t("submit")}</SubmitButton>
        </form>
      ) : (
        error && (
          <p role="alert" className="font-medium text-red-800">
            {error}
          </p>
        )
      )}
      <form action={action} className="space-y-2">
        <input type="hidden" name="intent" value="resend" />
        <input type="hidden" name="dead" value={usable ? "0" : "1"} />
        {ids}
        {usable ? (
          <>
            <p className="text-sm text-slate-700">{t("noCode")}</p>
            <button
              type="submit"
              disabled={pending}
              className="font-medium text-blue-800 underline underline-offset-2 disabled:opacity-70"
            >
              {t("resend")}
            </button>
          </>
        ) : (
          <SubmitButton pending={pending}>{t("resend")}</SubmitButton>
        )}
      </form>
      <RestartForm action={action} label={t("startOver")} />
    </div>
  );
}

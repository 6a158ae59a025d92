"use client";

import { useTranslations } from "use-intl";
import { TextField } from "@/components/forms/Fields";
import { FormStatus } from "@/components/forms/FormStatus";
import { SubmitButton } from "@/components/forms/SubmitButton";
import { useStepUpAction } from "@/components/forms/useStepUpAction";
import type { EnrolState } from "@/app/admin/enroll/actions";

type Action = (prev: EnrolState, form: FormData) => Promise<EnrolState>;

/**
 * Enrolment in two forms: the password again, then (with the QR code and the key as text)
 * the first code. The QR code is an SVG the server drew from the key (qrcode package).
 * Also how a user with only passkeys adds TOTP on the account page (docs/adr/0040): the
 * server then asks for a fresh step-up, which the prompt beside the form gets.
 */
export function EnrolForm({ start, confirm }: { start: Action; confirm: Action }) {
  const t = useTranslations("admin.enroll");
  const [started, startAction, starting, startStepUp] = useStepUpAction(start, {});
  const [confirmed, confirmAction, confirming, confirmStepUp] = useStepUpAction(confirm, {});
  const enrolment = confirmed.enrolment ?? started.enrolment;
  if (!enrolment) {
    return (
      <>
        <form action={startAction} className="space-y-5" noValidate>
          {started.error && <FormStatus error={started.error} />}
          <TextField
            name="password"
            type="password"
            label={t("password")}
            hint={t("passwordIntro")}
            autoComplete="current-password"
            required
            error={started.errors?.password}
            className="w-full max-w-md"
          />
          <SubmitButton pending={starting}>{t("start")}</SubmitButton>
        </form>
        {startStepUp}
      </>
    );
  }
  return (
    <>
      <form action={confirmAction} className="space-y-5" noValidate>
        {confirmed.error && <FormStatus error={confirmed.error} />}
        <p className="text-slate-800">{t("scan")}</p>
        <div
          role="img"
          aria-label={t("qrLabel")}
          className="h-56 w-56 bg-white p-2"
          // Drawn on the server by the qrcode package from our own key: no user input.
          dangerouslySetInnerHTML={{ __html: enrolment.qrSvg }}
        />
        <p className="text-slate-800">{t("secretIntro")}</p>
        <p>
          <code data-testid="totp-secret" className="rounded bg-slate-100 px-2 py-1 font-mono text-lg text-slate-900">
            {enrolment.secret}
          </code>
        </p>
        <TextField
          name="code"
          label={t("code")}
          hint={t("codeHint")}
          autoComplete="one-time-code"
          inputMode="numeric"
          required
          className="w-full max-w-xs"
        />
        <SubmitButton pending={confirming}>{t("confirm")}</SubmitButton>
      </form>
      {confirmStepUp}
    </>
  );
}

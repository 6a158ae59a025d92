"use client";

import { useActionState } from "react";
import { useTranslations } from "use-intl";
import { TextField } from "@/components/forms/Fields";
import { SubmitButton } from "@/components/forms/SubmitButton";
import type { FactorState } from "@/app/admin/sign-in/actions";

type Props = { action: (prev: FactorState, form: FormData) => Promise<FactorState> };

/** The sign-in's second step: one code from the authenticator app, or a backup code. */
export function FactorForm({ action }: Props) {
  const t = useTranslations("admin.factor");
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="space-y-5" noValidate>
      {state.error && (
        <p role="alert" className="rounded-md border border-red-700 bg-red-50 p-3 font-medium text-red-800">
          {state.error}
        </p>
      )}
      <TextField
        name="code"
        label={t("code")}
        hint={t("codeHint")}
        autoComplete="one-time-code"
        inputMode="text"
        required
        className="w-full max-w-xs"
      />
      <SubmitButton pending={pending}>{t("submit")}</SubmitButton>
    </form>
  );
}

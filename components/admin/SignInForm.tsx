"use client";

import { useActionState } from "react";
import { useTranslations } from "use-intl";
import { TextField } from "@/components/forms/Fields";
import { SubmitButton } from "@/components/forms/SubmitButton";
import type { SignInState } from "@/app/admin/sign-in/actions";

type Props = { action: (prev: SignInState, form: FormData) => Promise<SignInState> };

/** Email and password; posts to a server action, so it works without JavaScript too. */
export function SignInForm({ action }: Props) {
  const t = useTranslations("admin.signIn");
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="space-y-5" noValidate>
      {state.error && (
        <p role="alert" className="rounded-md border border-red-700 bg-red-50 p-3 font-medium text-red-800">
          {state.error}
        </p>
      )}
      <TextField
        name="email"
        type="email"
        label={t("email")}
        hint={t("emailHint")}
        autoComplete="username"
        required
        defaultValue={state.email}
        className="w-full max-w-md"
      />
      <TextField
        name="password"
        type="password"
        label={t("password")}
        hint={t("passwordHint")}
        autoComplete="current-password"
        required
        className="w-full max-w-md"
      />
      <SubmitButton pending={pending}>{t("submit")}</SubmitButton>
    </form>
  );
}

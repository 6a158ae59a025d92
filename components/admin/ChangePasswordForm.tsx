"use client";

import { useActionState } from "react";
import { useTranslations } from "use-intl";
import { TextField } from "@/components/forms/Fields";
import { FormStatus } from "@/components/forms/FormStatus";
import { SubmitButton } from "@/components/forms/SubmitButton";
import { useAnswerCount } from "@/components/forms/useAnswerCount";
import { useSchemaCheck } from "@/components/forms/useSchemaCheck";
import type { ChangePasswordState } from "@/app/admin/account/actions";
import { ChangePasswordInput, MAX_PASSWORD_LENGTH, MAX_SUBMITTED_PASSWORD } from "@/lib/auth/user-schemas";

// Current, new and again: what each password field is called, and how long it may be.
const FIELDS = [
  {
    name: "currentPassword",
    label: "current",
    hint: "currentHint",
    autoComplete: "current-password",
    maxLength: MAX_SUBMITTED_PASSWORD,
  },
  { name: "newPassword", label: "new", hint: "newHint", autoComplete: "new-password", maxLength: MAX_PASSWORD_LENGTH },
  {
    name: "confirmPassword",
    label: "confirm",
    hint: "confirmHint",
    autoComplete: "new-password",
    maxLength: MAX_PASSWORD_LENGTH,
  },
] as const;

type Props = {
  action: (prev: ChangePasswordState | undefined, form: FormData) => Promise<ChangePasswordState>;
  email: string;
};

/**
 * Current password, new password twice. The server action's schema checks the fields
 * before posting (the server checks again); every answer empties the fields, since
 * passwords are never sent back. Without JavaScript the form posts as is.
 */
export function ChangePasswordForm({ action, email }: Props) {
  const [state, formAction, pending] = useActionState(action, {});
  const answer = useAnswerCount(state);
  return <Fields key={answer} state={state} formAction={formAction} pending={pending} email={email} />;
}

function Fields({
  state,
  formAction,
  pending,
  email,
}: {
  state: ChangePasswordState;
  formAction: (form: FormData) => void;
  pending: boolean;
  email: string;
}) {
  const t = useTranslations("admin.account");
  const { errors: clientErrors, check } = useSchemaCheck(ChangePasswordInput, "currentPassword");
  const errors = clientErrors ?? state.errors ?? {};

  return (
    <form action={formAction} onSubmit={check} className="space-y-4" noValidate>
      <FormStatus error={clientErrors ? t("fixErrors") : state.error} notice={state.notice} />
      {/* For password managers: which account this password belongs to. */}
      <input type="text" name="username" autoComplete="username" value={email} readOnly hidden />
      {FIELDS.map(({ name, label, hint, autoComplete, maxLength }) => (
        <TextField
          key={name}
          name={name}
          type="password"
          label={t(label)}
          hint={t(hint)}
          error={errors[name]}
          autoComplete={autoComplete}
          required
          maxLength={maxLength}
          className="w-full max-w-md"
        />
      ))}
      <SubmitButton pending={pending}>{t("submit")}</SubmitButton>
    </form>
  );
}

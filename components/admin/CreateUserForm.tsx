"use client";

import { useState, useSyncExternalStore } from "react";
import { useTranslations } from "use-intl";
import { useStepUpAction } from "@/components/forms/useStepUpAction";
import { TextField } from "@/components/forms/Fields";
import { FormStatus } from "@/components/forms/FormStatus";
import { SubmitButton } from "@/components/forms/SubmitButton";
import { useAnswerCount } from "@/components/forms/useAnswerCount";
import { useSchemaCheck } from "@/components/forms/useSchemaCheck";
import type { CreateUserState } from "@/app/admin/users/actions";
import { ROLES } from "@/lib/auth/permissions";
import { CreateUserInput, MAX_PASSWORD_LENGTH } from "@/lib/auth/user-schemas";

type Props = { action: (prev: CreateUserState | undefined, form: FormData) => Promise<CreateUserState> };

const field =
  "mt-1 block rounded-md border border-slate-500 px-3 py-2 text-lg text-slate-900 focus:outline-none focus:ring-4 focus:ring-blue-300";
const noSubscribe = () => () => {};

/**
 * Owners add a console user. The same schema as the server action checks the fields
 * before posting (the server checks again); without JavaScript the form posts as is.
 * A generated password comes back once and is shown until the next submission.
 */
export function CreateUserForm({ action }: Props) {
  const [state, formAction, pending, stepUp] = useStepUpAction(action, {});
  const answer = useAnswerCount(state);
  return (
    <div className="space-y-4">
      {state.created && <Created created={state.created} />}
      <Fields key={answer} state={state} formAction={formAction} pending={pending} />
      {stepUp}
    </div>
  );
}

function Fields({
  state,
  formAction,
  pending,
}: {
  state: CreateUserState;
  formAction: (form: FormData) => void;
  pending: boolean;
}) {
  const t = useTranslations("admin.users");
  const tAll = useTranslations() as unknown as (key: string) => string;
  const [choice, setChoice] = useState(state.values?.initialPassword === "set" ? "set" : "generate");
  const { errors: clientErrors, check } = useSchemaCheck(CreateUserInput, "initialPassword");
  // Before hydration (or without JavaScript) the password field stays usable.
  const hydrated = useSyncExternalStore(
    noSubscribe,
    () => true,
    () => false,
  );
  const errors = clientErrors ?? state.errors ?? {};
  const error = clientErrors ? t("fixErrors") : state.error;

  return (
    <form action={formAction} onSubmit={check} className="space-y-4" noValidate>
      <FormStatus error={error} />
      <TextField
        id="user-email"
        name="email"
        type="email"
        label={t("email")}
        hint={t("emailHint")}
        error={errors.email}
        required
        maxLength={320}
        autoComplete="off"
        defaultValue={state.values?.email ?? ""}
        className="w-full max-w-md"
      />
      <div>
        <label htmlFor="user-role" className="block font-medium text-slate-900">
          {t("role")}
        </label>
        <p id="user-role-hint" className="text-sm text-slate-700">
          {t("roleHint")}
        </p>
        <select
          id="user-role"
          name="role"
          defaultValue={state.values?.role || "viewer"}
          aria-describedby="user-role-hint"
          className={field}
        >
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {tAll(`admin.roles.${r}`)}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="space-y-2">
        <legend className="font-medium text-slate-900">{t("initialPassword")}</legend>
        {(["generate", "set"] as const).map((value) => (
          <label key={value} className="flex items-center gap-2 text-slate-900">
            <input
              type="radio"
              name="initialPassword"
              value={value}
              checked={choice === value}
              onChange={() => setChoice(value)}
              className="h-5 w-5"
            />
            {t(value)}
          </label>
        ))}
        {errors.initialPassword && (
          <p role="alert" className="font-medium text-red-800">
            {errors.initialPassword}
          </p>
        )}
      </fieldset>
      <TextField
        id="user-password"
        name="password"
        type="password"
        label={t("password")}
        hint={t("passwordHint")}
        error={errors.password}
        maxLength={MAX_PASSWORD_LENGTH}
        autoComplete="new-password"
        disabled={hydrated && choice === "generate"}
        className="w-full max-w-md disabled:bg-slate-100"
      />
      <SubmitButton pending={pending}>{t("create")}</SubmitButton>
    </form>
  );
}

/** Shown once: the next submission replaces it, and the server keeps only the hash. */
function Created({ created }: { created: NonNullable<CreateUserState["created"]> }) {
  const t = useTranslations("admin.users");
  const tAll = useTranslations() as unknown as (key: string) => string;
  return (
    <div role="status" className="space-y-2 rounded-md border border-green-800 bg-green-50 p-4 text-slate-900">
      <p className="font-semibold">
        {t("created", { email: created.email, role: tAll(`admin.roles.${created.role}`) })}
      </p>
      {created.password && (
        <>
          <p>
            {t("createdPassword")}{" "}
            <code data-testid="initial-password" className="rounded bg-white px-2 py-1 font-mono text-lg select-all">
              {created.password}
            </code>
          </p>
          <p className="text-sm text-slate-700">{t("createdPasswordNote")}</p>
        </>
      )}
    </div>
  );
}

"use client";

import { useTranslations } from "use-intl";
import { CopyButton } from "@/components/forms/CopyButton";
import { useStepUpAction } from "@/components/forms/useStepUpAction";
import { TextField } from "@/components/forms/Fields";
import { FormStatus } from "@/components/forms/FormStatus";
import { SubmitButton } from "@/components/forms/SubmitButton";
import { useAnswerCount } from "@/components/forms/useAnswerCount";
import { useSchemaCheck } from "@/components/forms/useSchemaCheck";
import type { CreateApiKeyState } from "@/app/admin/api-keys/actions";
import { CreateApiKeyInput, MAX_API_KEY_NAME } from "@/lib/api-keys/schemas";

type Props = { action: (prev: CreateApiKeyState | undefined, form: FormData) => Promise<CreateApiKeyState> };

/**
 * Owners create an API key. The server action's schema checks the name before posting
 * (the server checks again); without JavaScript the form posts as is. The key comes
 * back once and is shown until the next submission.
 */
export function CreateApiKeyForm({ action }: Props) {
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
  state: CreateApiKeyState;
  formAction: (form: FormData) => void;
  pending: boolean;
}) {
  const t = useTranslations("admin.apiKeys");
  const { errors: clientErrors, check } = useSchemaCheck(CreateApiKeyInput, "name");
  const nameError = clientErrors ? clientErrors.name : state.errors?.name;

  return (
    <form action={formAction} onSubmit={check} className="space-y-4" noValidate>
      <FormStatus error={clientErrors ? t("fixErrors") : state.error} />
      <TextField
        id="api-key-name"
        name="name"
        label={t("name")}
        hint={t("nameHint")}
        error={nameError}
        required
        maxLength={MAX_API_KEY_NAME}
        autoComplete="off"
        defaultValue={state.values?.name ?? ""}
        className="w-full max-w-md"
      />
      <SubmitButton pending={pending}>{t("create")}</SubmitButton>
    </form>
  );
}

/** Shown once: the next submission replaces it, and the server keeps only the hash. */
function Created({ created }: { created: NonNullable<CreateApiKeyState["created"]> }) {
  const t = useTranslations("admin.apiKeys");
  return (
    <div role="status" className="space-y-2 rounded-md border border-green-800 bg-green-50 p-4 text-slate-900">
      <p className="font-semibold">{t("created", { name: created.name })}</p>
      <p>
        {t("createdKey")}{" "}
        <code data-testid="new-api-key" className="rounded bg-white px-2 py-1 font-mono wrap-anywhere select-all">
          {created.key}
        </code>
        <CopyButton value={created.key} what={t("copyKey")} />
      </p>
      <p className="text-sm text-slate-700">{t("createdKeyNote")}</p>
    </div>
  );
}

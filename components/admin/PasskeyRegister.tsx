"use client";

import { useTranslations } from "use-intl";
import type { PasskeyState } from "@/app/admin/enroll/actions";
import { TextField } from "@/components/forms/Fields";
import { FormStatus } from "@/components/forms/FormStatus";
import { ceremonyForm, runCeremony } from "@/components/forms/passkey-ceremony";
import { SubmitButton } from "@/components/forms/SubmitButton";
import { useStepUpAction } from "@/components/forms/useStepUpAction";
import { MAX_SUBMITTED_PASSWORD } from "@/lib/auth/user-schemas";

type Action = (prev: unknown, form: FormData) => Promise<PasskeyState>;

/**
 * Registers a passkey (docs/adr/0038): the server's options (after the password again at
 * enrolment, or a step-up on the account page, asked for in place), the browser's
 * ceremony, then the server's verification under the name given.
 */
export function PasskeyRegister({
  options,
  register,
  withPassword,
}: {
  options: Action;
  register: Action;
  withPassword: boolean;
}) {
  const t = useTranslations("admin.passkeys");
  const run = async (prev: PasskeyState, form: FormData): Promise<PasskeyState> => {
    const typed = form.get("name");
    const values = { name: typeof typed === "string" ? typed : "" };
    const started = await options(prev, form);
    if (!started.ceremony) return { ...started, values };
    const done = await runCeremony("register", started.ceremony.options);
    if ("refused" in done) return { error: t(done.refused), values };
    const registered = await register(
      started,
      ceremonyForm({ name: values.name, response: done.response, handle: started.ceremony.handle }),
    );
    return registered.notice ? registered : { ...registered, values };
  };
  const [state, action, pending, stepUp] = useStepUpAction(run, {});
  return (
    <>
      <form action={action} className="space-y-5" noValidate>
        <FormStatus error={state.error} notice={state.notice} />
        {withPassword && (
          <TextField
            name="password"
            id="passkey-password"
            type="password"
            label={t("password")}
            hint={t("passwordHint")}
            autoComplete="current-password"
            maxLength={MAX_SUBMITTED_PASSWORD}
            required
            error={state.errors?.password}
            className="w-full max-w-md"
          />
        )}
        <TextField
          name="name"
          id="passkey-name"
          label={t("name")}
          hint={t("nameHint")}
          maxLength={60}
          required
          defaultValue={state.values?.name}
          error={state.errors?.name}
          className="w-full max-w-md"
        />
        <SubmitButton pending={pending}>{t("register")}</SubmitButton>
      </form>
      {stepUp}
    </>
  );
}

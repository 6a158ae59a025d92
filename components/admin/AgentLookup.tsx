"use client";

import { useActionState } from "react";
import { useTranslations } from "use-intl";
import { ExposureBanner } from "@/components/ExposureBanner";
import { TextField } from "@/components/forms/Fields";
import { SubmitButton } from "@/components/forms/SubmitButton";
import type { LookupState } from "@/app/admin/lookup/actions";

type Props = { action: (prev: LookupState | undefined, form: FormData) => Promise<LookupState> };

/** The agent's lookup form and the answer, as the customer would see it. */
export function AgentLookup({ action }: Props) {
  const [state, formAction, pending] = useActionState(action, {});
  const t = useTranslations("admin.lookup");
  const tOffers = useTranslations("admin.offers.lookup");
  return (
    <div className="space-y-6">
      <form action={formAction} className="space-y-4" noValidate>
        <TextField
          name="phone"
          label={t("label")}
          hint={t("hint")}
          error={state.error}
          type="tel"
          inputMode="tel"
          autoComplete="off"
          required
          maxLength={40}
          defaultValue={state.phone}
          className="w-full max-w-sm"
        />
        <SubmitButton pending={pending}>{t("submit")}</SubmitButton>
      </form>
      {state.result && <ExposureBanner result={state.result} />}
      {state.result?.exposures.some((x) => typeof x.offer?.code === "string") && (
        <p className="text-sm text-slate-700">{tOffers("audited")}</p>
      )}
    </div>
  );
}

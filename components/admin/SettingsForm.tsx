"use client";

import { useTranslations } from "use-intl";
import { useStepUpAction } from "@/components/forms/useStepUpAction";
import type { SettingsState } from "@/app/admin/settings/actions";
import { FormStatus } from "@/components/forms/FormStatus";
import { TextAreaField, TextField } from "@/components/forms/Fields";
import { SubmitButton } from "@/components/forms/SubmitButton";
import { LIMITS, type CarrierField, type CarrierSettings } from "@/lib/config/carrier-fields";

type Props = {
  action: (prev: SettingsState | undefined, form: FormData) => Promise<SettingsState>;
  /** The owners' overrides: the fields' values (blank: the configured value applies). */
  overrides: Partial<CarrierSettings>;
  /** The configured values (CARRIER_*), shown under each field. */
  defaults: CarrierSettings;
};

/** The owners' form for the carrier's public details, with each field's configured value. */
export function SettingsForm({ action, overrides, defaults }: Props) {
  const t = useTranslations("admin.settings");
  const [state, formAction, pending, stepUp] = useStepUpAction(action, {});
  const value = (k: CarrierField) => state.values?.[k] ?? overrides[k] ?? "";
  const hint = (k: CarrierField, text: string) =>
    `${text} ${defaults[k] ? t("configured", { value: defaults[k].replace(/\n/g, ", ") }) : t("configuredNone")}`;
  const input = (k: Exclude<CarrierField, "address">, type: string, max: number) => (
    <TextField
      // Keyed by the saved value, so a save that changed it shows the new one.
      key={`${k}:${value(k)}`}
      name={k}
      type={type}
      label={t(k)}
      hint={hint(k, t(`${k}Hint`))}
      error={state.errors?.[k]}
      defaultValue={value(k)}
      maxLength={max}
      autoComplete="off"
      className="w-full"
    />
  );
  return (
    <>
      <form action={formAction} className="space-y-6" noValidate>
        <FormStatus error={state.error} notice={state.notice} />
        <fieldset className="space-y-4">
          <legend className="text-xl font-bold text-slate-900">{t("carrier")}</legend>
          {input("name", "text", LIMITS.name)}
          {input("logoUrl", "text", LIMITS.logoUrl)}
          {input("color", "text", 7)}
        </fieldset>
        <fieldset className="space-y-4">
          <legend className="text-xl font-bold text-slate-900">{t("contact")}</legend>
          {input("supportPhone", "tel", LIMITS.supportPhone)}
          {input("supportUrl", "url", LIMITS.supportUrl)}
          <TextAreaField
            key={`address:${value("address")}`}
            id="address"
            name="address"
            label={t("address")}
            hint={hint("address", t("addressHint"))}
            error={state.errors?.address}
            defaultValue={value("address")}
            maxLength={LIMITS.address}
            rows={3}
          />
        </fieldset>
        <SubmitButton pending={pending}>{t("save")}</SubmitButton>
      </form>
      {stepUp}
    </>
  );
}

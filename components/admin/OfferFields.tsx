"use client";

import { useActionState } from "react";
import { useTranslations } from "use-intl";
import { useStepUpAction } from "@/components/forms/useStepUpAction";
import { CheckboxField, TextAreaField, TextField } from "@/components/forms/Fields";
import { FormStatus } from "@/components/forms/FormStatus";
import { SubmitButton } from "@/components/forms/SubmitButton";
import type { NoticeFormState } from "@/app/admin/incidents/notice/actions";
import { LocaleColumns } from "@/components/admin/EditorPreview";
import { LIMITS } from "@/lib/incidents/limits";
import { SOURCE_LOCALE, type ContentLocale } from "@/lib/incidents/locales";

/** The offer as the form holds it; the instructions translated as "es.offerInstructions" (ADR 36). */
export type OfferValues = Record<
  "exposesIdNumbers" | "offerProvider" | "offerMonths" | "offerEnrollUrl" | "offerInstructions",
  string
> &
  Record<`${Exclude<ContentLocale, "en">}.offerInstructions`, string>;

type Action = (prev: NoticeFormState | undefined, form: FormData) => Promise<NoticeFormState>;

type Props = {
  offerAction: Action;
  codesAction: Action;
  incidentSlug: string;
  categorySlug: string;
  initial: OfferValues;
  /** Codes loaded into the group's pool, and those not yet handed out. */
  pool: { total: number; left: number };
};

/** A group's ID-number flag and identity-protection offer, and a form to load its codes (ADR 32). */
export function OfferFields({ offerAction, codesAction, incidentSlug, categorySlug, initial, pool }: Props) {
  const t = useTranslations("admin.offers");
  const tn = useTranslations("admin.notice");
  const ti = useTranslations("admin.incidents");
  const [state, formAction, pending, stepUp] = useStepUpAction(offerAction, {});
  const [codes, codesFormAction, loading] = useActionState(codesAction, {});
  const value = (k: keyof OfferValues) => state.values?.[k] ?? initial[k];
  const errors = state.errors ?? {};
  const id = (name: string) => `offer-${categorySlug}-${name}`;
  const hidden = (
    <>
      <input type="hidden" name="incident" value={incidentSlug} />
      <input type="hidden" name="category" value={categorySlug} />
    </>
  );
  return (
    <div className="space-y-4">
      <form action={formAction} className="space-y-3" noValidate>
        <h4 className="font-semibold text-slate-900">{t("heading")}</h4>
        <FormStatus error={state.error} notice={state.notice ? tn(state.notice) : undefined} />
        {hidden}
        <CheckboxField
          name="exposesIdNumbers"
          label={t("exposesIdNumbers")}
          checked={value("exposesIdNumbers") === "on"}
        />
        <TextField
          id={id("provider")}
          name="offerProvider"
          label={t("provider")}
          hint={t("providerHint")}
          error={errors.offerProvider}
          maxLength={LIMITS.name}
          defaultValue={value("offerProvider")}
        />
        <TextField
          id={id("months")}
          name="offerMonths"
          type="number"
          min={1}
          max={LIMITS.offerMonths}
          label={t("months")}
          hint=""
          error={errors.offerMonths}
          defaultValue={value("offerMonths")}
        />
        <TextField
          id={id("url")}
          name="offerEnrollUrl"
          type="url"
          label={t("enrollUrl")}
          hint={tn("contactUrlHint")}
          error={errors.offerEnrollUrl}
          defaultValue={value("offerEnrollUrl")}
          className="w-full"
        />
        {/* The provider is a product's name, shared; only the instructions are per locale. */}
        <LocaleColumns idPrefix={id("instructions")}>
          {(l) => {
            const name = l === SOURCE_LOCALE ? "offerInstructions" : (`${l}.offerInstructions` as const);
            return (
              <TextAreaField
                id={id(`instructions-${l}`)}
                name={name}
                lang={l}
                label={ti("inLocale", { field: t("instructions"), language: ti(`locales.${l}`) })}
                error={errors[name]}
                rows={3}
                maxLength={LIMITS.step}
                defaultValue={value(name)}
              />
            );
          }}
        </LocaleColumns>
        <SubmitButton pending={pending}>{t("save")}</SubmitButton>
      </form>
      {stepUp}
      <form action={codesFormAction} className="space-y-2">
        <h4 className="font-semibold text-slate-900">{t("codes")}</h4>
        <p className="text-slate-800">{t("left", pool)}</p>
        <FormStatus error={codes.error} notice={codes.loaded ? t("loaded", codes.loaded) : undefined} />
        {hidden}
        <label className="block font-medium text-slate-900">
          {t("file")}
          <input type="file" name="file" accept=".csv,text/csv,text/plain" required className="mt-1 block" />
        </label>
        <p className="text-sm text-slate-700">{t("fileHint")}</p>
        <SubmitButton pending={loading}>{t("load")}</SubmitButton>
      </form>
    </div>
  );
}

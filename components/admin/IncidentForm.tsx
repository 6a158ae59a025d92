"use client";

import { useTranslations } from "use-intl";
import { useStepUpAction } from "@/components/forms/useStepUpAction";
import { TextAreaField, TextField } from "@/components/forms/Fields";
import { EditorButtons, LocaleColumns, PreviewBox } from "@/components/admin/EditorPreview";
import { SlugField } from "@/components/admin/SlugField";
import { Markdown } from "@/components/Markdown";
import type { EditorState } from "@/app/admin/incidents/actions";
import type { FormValues } from "@/lib/incidents/form-values";
import { LIMITS } from "@/lib/incidents/limits";
import { CONTENT_LOCALES, SOURCE_LOCALE } from "@/lib/incidents/locales";

type Props = {
  action: (prev: EditorState | undefined, form: FormData) => Promise<EditorState>;
  /** "create" asks for the slug; "edit" sends it along, fixed. */
  mode: "create" | "edit";
  /** incidentFormValues(): slug, disclosedAt, "en.title", "es.summary"... */
  initial: FormValues;
};

/** An incident's disclosure date, and its title and summary (markdown) per locale side by side. */
export function IncidentForm({ action, mode, initial }: Props) {
  const t = useTranslations("admin.incidents");
  const [state, formAction, pending, stepUp] = useStepUpAction(action, {});
  const value = (k: string) => {
    const v = state.values?.[k] ?? initial[k];
    return typeof v === "string" ? v : "";
  };
  const errors = state.errors ?? {};
  const id = (name: string) => `incident-${name.replace(".", "-")}`;
  const label = (field: string, l: string) => t("inLocale", { field, language: t(`locales.${l}` as "locales.en") });
  return (
    <>
      <form action={formAction} className="space-y-4" noValidate>
        {mode === "edit" ? (
          <input type="hidden" name="incident" value={initial.slug} />
        ) : (
          <SlugField id={id("slug")} error={errors.slug} defaultValue={value("slug")} />
        )}
        <TextField
          id={id("disclosedAt")}
          name="disclosedAt"
          type="date"
          label={t("disclosedAt")}
          hint={t("disclosedAtHint")}
          error={errors.disclosedAt}
          required
          defaultValue={value("disclosedAt")}
        />
        <LocaleColumns idPrefix="incident">
          {(l) => (
            <>
              <TextField
                id={id(`${l}.title`)}
                name={`${l}.title`}
                lang={l}
                label={label(t("incidentTitle"), l)}
                hint={t("incidentTitleHint")}
                error={errors[`${l}.title`]}
                required={l === SOURCE_LOCALE}
                maxLength={LIMITS.title}
                defaultValue={value(`${l}.title`)}
                className="w-full"
              />
              <TextAreaField
                id={id(`${l}.summary`)}
                name={`${l}.summary`}
                lang={l}
                label={label(t("summary"), l)}
                hint={t("summaryHint")}
                error={errors[`${l}.summary`]}
                required={l === SOURCE_LOCALE}
                rows={8}
                maxLength={LIMITS.summary}
                defaultValue={value(`${l}.summary`)}
              />
            </>
          )}
        </LocaleColumns>
        {state.preview && (
          <PreviewBox title={t("previewTitle")} note={t("previewNote")}>
            <div className="grid gap-6 lg:grid-cols-2">
              {CONTENT_LOCALES.map((l) => (
                <div key={l} lang={l}>
                  <p className="text-lg text-slate-800">{value(`${l}.title`) || value(`en.title`)}</p>
                  <Markdown className="text-slate-800">{value(`${l}.summary`) || value(`en.summary`)}</Markdown>
                </div>
              ))}
            </div>
          </PreviewBox>
        )}
        <EditorButtons
          pending={pending}
          submit={mode === "edit" ? t("save") : t("create")}
          preview={t("preview")}
          state={state}
        />
      </form>
      {stepUp}
    </>
  );
}

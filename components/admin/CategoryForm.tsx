"use client";

import { useTranslations } from "use-intl";
import { useStepUpAction } from "@/components/forms/useStepUpAction";
import { FieldError, TextAreaField, TextField } from "@/components/forms/Fields";
import { EditorButtons, LocaleColumns, PreviewBox } from "@/components/admin/EditorPreview";
import { SlugField } from "@/components/admin/SlugField";
import { Markdown } from "@/components/Markdown";
import type { EditorState } from "@/app/admin/incidents/actions";
import type { FormValues } from "@/lib/incidents/form-values";
import { LIMITS } from "@/lib/incidents/limits";
import { CONTENT_LOCALES, SOURCE_LOCALE, type ContentLocale } from "@/lib/incidents/locales";

type Props = {
  action: (prev: EditorState | undefined, form: FormData) => Promise<EditorState>;
  incidentSlug: string;
  /** "create" asks for the slug; "edit" sends it along, fixed. */
  mode: "create" | "edit";
  /** categoryFormValues(): slug, sortOrder, "en.name", "es.remediation" (a list)... */
  initial: FormValues;
};

// Empty boxes after the steps so one can be added without JavaScript.
const SPARE_STEPS = 2;

/** A group's name, data exposed and steps (markdown) per locale side by side, and its order. */
export function CategoryForm({ action, incidentSlug, mode, initial }: Props) {
  const t = useTranslations("admin.incidents");
  const [state, formAction, pending, stepUp] = useStepUpAction(action, {});
  const errors = state.errors ?? {};
  // Ids are unique per form: the edit page holds one form per group and an empty one.
  const id = (name: string) =>
    `${mode === "edit" ? `category-${String(initial.slug)}` : "new-category"}-${name.replace(".", "-")}`;
  const text = (k: string) => {
    const v = state.values?.[k] ?? initial[k];
    return typeof v === "string" ? v : "";
  };
  const steps = (l: ContentLocale) => {
    const v = state.values?.[`${l}.remediation`];
    const list = Array.isArray(v) ? v.filter((s) => s.trim() !== "") : initial[`${l}.remediation`];
    return Array.isArray(list) ? list : [];
  };
  const label = (field: string, l: ContentLocale) => t("inLocale", { field, language: t(`locales.${l}`) });

  return (
    <>
      <form action={formAction} className="space-y-4" noValidate>
        <input type="hidden" name="incident" value={incidentSlug} />
        {mode === "edit" ? (
          <input type="hidden" name="category" value={text("slug")} />
        ) : (
          <SlugField id={id("slug")} error={errors.slug} defaultValue={text("slug")} />
        )}
        <LocaleColumns idPrefix={id("text")}>
          {(l) => {
            const own = steps(l);
            const boxes = [
              ...own,
              ...Array<string>(Math.max(0, Math.min(SPARE_STEPS, LIMITS.steps - own.length))).fill(""),
            ];
            const stepsError = errors[`${l}.remediation`];
            return (
              <>
                <TextField
                  id={id(`${l}.name`)}
                  name={`${l}.name`}
                  lang={l}
                  label={label(t("name"), l)}
                  hint={t("nameHint")}
                  error={errors[`${l}.name`]}
                  required={l === SOURCE_LOCALE}
                  maxLength={LIMITS.name}
                  defaultValue={text(`${l}.name`)}
                  className="w-full"
                />
                <TextAreaField
                  id={id(`${l}.dataExposed`)}
                  name={`${l}.dataExposed`}
                  lang={l}
                  label={label(t("dataExposed"), l)}
                  hint={t("dataExposedHint")}
                  error={errors[`${l}.dataExposed`]}
                  required={l === SOURCE_LOCALE}
                  rows={5}
                  defaultValue={text(`${l}.dataExposed`)}
                />
                <fieldset className="space-y-3">
                  <legend className="font-medium text-slate-900">{label(t("steps"), l)}</legend>
                  <p id={id(`${l}-steps-hint`)} className="text-sm text-slate-700">
                    {t("stepsHint")}
                  </p>
                  {boxes.map((step, i) => (
                    <TextAreaField
                      key={`${i}-${boxes.length}`}
                      id={id(`${l}-step-${i + 1}`)}
                      name={`${l}.remediation`}
                      lang={l}
                      label={label(t("step", { n: i + 1 }), l)}
                      describedBy={[id(`${l}-steps-hint`), ...(stepsError ? [id(`${l}-steps-error`)] : [])]}
                      rows={3}
                      maxLength={LIMITS.step}
                      defaultValue={step}
                    />
                  ))}
                  <FieldError id={id(`${l}-steps-error`)} message={stepsError} />
                </fieldset>
              </>
            );
          }}
        </LocaleColumns>
        <TextField
          id={id("sortOrder")}
          name="sortOrder"
          type="number"
          inputMode="numeric"
          min={0}
          max={LIMITS.sortOrder}
          label={t("sortOrder")}
          hint={t("sortOrderHint")}
          error={errors.sortOrder}
          defaultValue={text("sortOrder")}
          className="w-32"
        />
        {state.preview && (
          <PreviewBox title={t("previewTitle")} note={t("previewNote")}>
            <div className="grid gap-6 lg:grid-cols-2">
              {CONTENT_LOCALES.map((l) => {
                const data = text(`${l}.dataExposed`) || text("en.dataExposed");
                const own = steps(l);
                return (
                  <div key={l} lang={l} className="space-y-2">
                    <p className="font-semibold text-slate-900">{text(`${l}.name`) || text("en.name")}</p>
                    <ul className="list-disc pl-6 text-slate-800">
                      {data
                        .split(/\r?\n/)
                        .filter((d) => d.trim() !== "")
                        .map((d, i) => (
                          <li key={i}>{d}</li>
                        ))}
                    </ul>
                    <ol className="list-decimal space-y-2 pl-6 text-slate-800">
                      {(own.length > 0 ? own : steps("en")).map((s, i) => (
                        <li key={i}>
                          <Markdown>{s}</Markdown>
                        </li>
                      ))}
                    </ol>
                  </div>
                );
              })}
            </div>
          </PreviewBox>
        )}
        <EditorButtons
          pending={pending}
          submit={mode === "edit" ? t("save") : t("add")}
          preview={t("preview")}
          state={state}
        />
      </form>
      {stepUp}
    </>
  );
}

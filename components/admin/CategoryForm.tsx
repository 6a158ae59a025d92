"use client";

import { useTranslations } from "use-intl";
import { useStepUpAction } from "@/components/forms/useStepUpAction";
import { FieldError, TextAreaField, TextField } from "@/components/forms/Fields";
import { FormStatus } from "@/components/forms/FormStatus";
import { EditorButtons, PreviewBox } from "@/components/admin/EditorPreview";
import { SlugField } from "@/components/admin/SlugField";
import { Markdown } from "@/components/Markdown";
import type { EditorState } from "@/app/admin/incidents/actions";
import { LIMITS } from "@/lib/incidents/limits";

export type CategoryFields = {
  slug: string;
  name: string;
  dataExposed: string[];
  remediation: string[];
  sortOrder: number;
};

type Props = {
  action: (prev: EditorState | undefined, form: FormData) => Promise<EditorState>;
  incidentSlug: string;
  /** "create" asks for the slug; "edit" sends it along, fixed. */
  mode: "create" | "edit";
  initial: CategoryFields;
};

// Empty boxes after the steps so one can be added without JavaScript.
const SPARE_STEPS = 2;

/** A group's name, data exposed, remediation steps (markdown) and order, with a preview. */
export function CategoryForm({ action, incidentSlug, mode, initial }: Props) {
  const t = useTranslations("admin.incidents");
  const [state, formAction, pending, stepUp] = useStepUpAction(action, {});
  const v = state.values;
  const errors = state.errors ?? {};
  // Ids are unique per form: the edit page holds one form per group and an empty one.
  const id = (name: string) => `${mode === "edit" ? `category-${initial.slug}` : "new-category"}-${name}`;

  const name = typeof v?.name === "string" ? v.name : initial.name;
  const data = typeof v?.dataExposed === "string" ? v.dataExposed : initial.dataExposed.join("\n");
  const sortOrder = typeof v?.sortOrder === "string" ? v.sortOrder : String(initial.sortOrder);
  const steps = Array.isArray(v?.remediation) ? v.remediation.filter((s) => s.trim() !== "") : initial.remediation;
  const boxes = [...steps, ...Array<string>(Math.max(0, Math.min(SPARE_STEPS, LIMITS.steps - steps.length))).fill("")];
  if (boxes.length === 0) boxes.push("");

  return (
    <>
      <form action={formAction} className="space-y-4" noValidate>
        <FormStatus error={state.error} notice={state.notice ? t(state.notice) : undefined} />
        <input type="hidden" name="incident" value={incidentSlug} />
        {mode === "edit" ? (
          <input type="hidden" name="category" value={initial.slug} />
        ) : (
          <SlugField
            id={id("slug")}
            error={errors.slug}
            defaultValue={typeof v?.slug === "string" ? v.slug : initial.slug}
          />
        )}
        <TextField
          id={id("name")}
          name="name"
          label={t("name")}
          hint={t("nameHint")}
          error={errors.name}
          required
          maxLength={LIMITS.name}
          defaultValue={name}
          className="w-full"
        />
        <TextAreaField
          id={id("dataExposed")}
          name="dataExposed"
          label={t("dataExposed")}
          hint={t("dataExposedHint")}
          error={errors.dataExposed}
          required
          rows={5}
          defaultValue={data}
        />
        <fieldset className="space-y-3">
          <legend className="font-medium text-slate-900">{t("steps")}</legend>
          <p id={id("steps-hint")} className="text-sm text-slate-700">
            {t("stepsHint")}
          </p>
          {boxes.map((step, i) => (
            <TextAreaField
              key={`${i}-${boxes.length}`}
              id={id(`step-${i + 1}`)}
              name="remediation"
              label={t("step", { n: i + 1 })}
              describedBy={[id("steps-hint"), ...(errors.remediation ? [id("steps-error")] : [])]}
              rows={3}
              maxLength={LIMITS.step}
              defaultValue={step}
            />
          ))}
          <FieldError id={id("steps-error")} message={errors.remediation} />
        </fieldset>
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
          defaultValue={sortOrder}
          className="w-32"
        />
        {state.preview && (
          <PreviewBox title={t("previewTitle")} note={t("previewNote")}>
            <p className="font-semibold text-slate-900">{name}</p>
            <ul className="list-disc pl-6 text-slate-800">
              {data
                .split(/\r?\n/)
                .filter((d) => d.trim() !== "")
                .map((d, i) => (
                  <li key={i}>{d}</li>
                ))}
            </ul>
            <ol className="list-decimal space-y-2 pl-6 text-slate-800">
              {steps.map((s, i) => (
                <li key={i}>
                  <Markdown>{s}</Markdown>
                </li>
              ))}
            </ol>
          </PreviewBox>
        )}
        <EditorButtons pending={pending} submit={mode === "edit" ? t("save") : t("add")} preview={t("preview")} />
      </form>
      {stepUp}
    </>
  );
}

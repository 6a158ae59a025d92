"use client";

import { useTranslations } from "use-intl";
import { useStepUpAction } from "@/components/forms/useStepUpAction";
import { TextAreaField, TextField } from "@/components/forms/Fields";
import { FormStatus } from "@/components/forms/FormStatus";
import { EditorButtons, PreviewBox } from "@/components/admin/EditorPreview";
import { SlugField } from "@/components/admin/SlugField";
import { Markdown } from "@/components/Markdown";
import type { EditorState } from "@/app/admin/incidents/actions";
import { LIMITS } from "@/lib/incidents/limits";

export type IncidentFields = { slug: string; title: string; disclosedAt: string; summary: string };

type Props = {
  action: (prev: EditorState | undefined, form: FormData) => Promise<EditorState>;
  /** "create" asks for the slug; "edit" sends it along, fixed. */
  mode: "create" | "edit";
  initial: IncidentFields;
};

/** An incident's title, disclosure date and summary (markdown), with a preview. */
export function IncidentForm({ action, mode, initial }: Props) {
  const t = useTranslations("admin.incidents");
  const [state, formAction, pending, stepUp] = useStepUpAction(action, {});
  const value = (k: keyof IncidentFields) => {
    const v = state.values?.[k];
    return typeof v === "string" ? v : initial[k];
  };
  const errors = state.errors ?? {};
  const id = (name: string) => `incident-${name}`;
  return (
    <>
      <form action={formAction} className="space-y-4" noValidate>
        <FormStatus error={state.error} notice={state.notice ? t(state.notice) : undefined} />
        {mode === "edit" ? (
          <input type="hidden" name="incident" value={initial.slug} />
        ) : (
          <SlugField id={id("slug")} error={errors.slug} defaultValue={value("slug")} />
        )}
        <TextField
          id={id("title")}
          name="title"
          label={t("incidentTitle")}
          hint={t("incidentTitleHint")}
          error={errors.title}
          required
          maxLength={LIMITS.title}
          defaultValue={value("title")}
          className="w-full"
        />
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
        <TextAreaField
          id={id("summary")}
          name="summary"
          label={t("summary")}
          hint={t("summaryHint")}
          error={errors.summary}
          required
          rows={6}
          maxLength={LIMITS.summary}
          defaultValue={value("summary")}
        />
        {state.preview && (
          <PreviewBox title={t("previewTitle")} note={t("previewNote")}>
            <p className="text-lg text-slate-800">{value("title")}</p>
            <Markdown className="text-slate-800">{value("summary")}</Markdown>
          </PreviewBox>
        )}
        <EditorButtons pending={pending} submit={mode === "edit" ? t("save") : t("create")} preview={t("preview")} />
      </form>
      {stepUp}
    </>
  );
}

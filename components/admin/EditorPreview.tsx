"use client";

import type { ReactNode } from "react";
import { useTranslations } from "use-intl";
import { SubmitButton } from "@/components/forms/SubmitButton";
import type { EditorState } from "@/app/admin/incidents/actions";
import { CONTENT_LOCALES, SOURCE_LOCALE, type ContentLocale } from "@/lib/incidents/locales";

// What the incident editor's forms share: locale columns side by side, the buttons with
// their outcome beside them (not at the top of a long page), and the preview box.

/** A form's outcome, next to the button that was pressed: an error (alert) or a notice. */
export function InlineStatus({ state, id }: { state: EditorState; id?: string }) {
  const t = useTranslations("admin.incidents");
  if (state.error) {
    return (
      <p id={id} role="alert" className="font-medium text-red-800">
        {state.error}
      </p>
    );
  }
  const n = state.notice;
  const text =
    n === "published" || n === "restored"
      ? t(n, { version: state.version ?? 0 })
      : n === "reviewOn"
        ? t("review.changedOn")
        : n === "reviewOff"
          ? t("review.changedOff")
          : n
            ? t(n)
            : "";
  return (
    <p id={id} role="status" className="font-medium text-green-800">
      {text}
    </p>
  );
}

/** Save and Preview: Preview posts intent=preview, so it works without JavaScript too. */
export function EditorButtons({
  pending,
  submit,
  preview,
  state,
}: {
  pending: boolean;
  submit: string;
  preview: string;
  state: EditorState;
}) {
  return (
    <div className="flex flex-wrap items-center gap-4">
      <SubmitButton pending={pending}>{submit}</SubmitButton>
      <button
        type="submit"
        name="intent"
        value="preview"
        disabled={pending}
        className="rounded-md border border-slate-600 px-5 py-2.5 font-semibold text-slate-900 hover:bg-slate-100 focus:outline-none focus:ring-4 focus:ring-blue-300 disabled:opacity-70"
      >
        {preview}
      </button>
      <InlineStatus state={state} />
    </div>
  );
}

/** One column per locale, English first; each a fieldset named by its language. */
export function LocaleColumns({ idPrefix, children }: { idPrefix: string; children: (l: ContentLocale) => ReactNode }) {
  const t = useTranslations("admin.incidents");
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      {CONTENT_LOCALES.map((l) => (
        <fieldset key={l} className="min-w-0 space-y-4" data-testid={`${idPrefix}-${l}`}>
          <legend className="font-bold text-slate-900">
            {t(l === SOURCE_LOCALE ? "sourceLocale" : "translationLocale", { language: t(`locales.${l}`) })}
          </legend>
          {children(l)}
        </fieldset>
      ))}
    </div>
  );
}

/** The rendered preview of not-yet-saved text. */
export function PreviewBox({ title, note, children }: { title: string; note: string; children: ReactNode }) {
  return (
    <section className="space-y-3 rounded-md border border-dashed border-slate-500 bg-slate-50 p-4" aria-label={title}>
      <p className="font-bold text-slate-900">{title}</p>
      <p className="text-sm text-slate-700">{note}</p>
      {children}
    </section>
  );
}

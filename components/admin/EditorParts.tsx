import { useState, type ReactNode, type TextareaHTMLAttributes } from "react";
import { useTranslations } from "use-intl";
import { FieldError, SubmitButton, TextField } from "@/components/check/FormParts";
import { LIMITS } from "@/lib/incidents/limits";

type TextAreaFieldProps = {
  id: string;
  name: string;
  label: string;
  hint?: string;
  /** Ids of text read with the field besides its own hint and error (a group's hint). */
  describedBy?: string[];
  error?: string;
  className?: string;
} & Omit<
  TextareaHTMLAttributes<HTMLTextAreaElement>,
  "id" | "name" | "className" | "aria-invalid" | "aria-describedby"
>;

/** A labelled textarea whose hint and error are read with it, like TextField. */
export function TextAreaField({
  id,
  name,
  label,
  hint,
  describedBy = [],
  error,
  className = "",
  ...area
}: TextAreaFieldProps) {
  const ids = [hint ? `${id}-hint` : null, ...describedBy, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <div>
      <label htmlFor={id} className="block font-medium text-slate-900">
        {label}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="text-sm text-slate-700">
          {hint}
        </p>
      )}
      <textarea
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={ids || undefined}
        className={`mt-1 block w-full rounded-md border border-slate-500 px-3 py-2 text-slate-900 focus:outline-none focus:ring-4 focus:ring-blue-300 ${className}`}
        {...area}
      />
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

/** The form-level outcome: an error (role=alert) or a short notice (role=status). */
export function FormStatus({ error, notice }: { error?: string; notice?: string }) {
  if (error) {
    return (
      <p role="alert" className="rounded-md border border-red-700 bg-red-50 p-3 font-medium text-red-800">
        {error}
      </p>
    );
  }
  return (
    <p role="status" className="font-medium text-green-800">
      {notice ?? ""}
    </p>
  );
}

/** Save and Preview: Preview posts intent=preview, so it works without JavaScript too. */
export function EditorButtons({ pending, submit, preview }: { pending: boolean; submit: string; preview: string }) {
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

/** The slug of a new incident or group: fixed once created (links and imports use it). */
export function SlugField({ id, error, defaultValue }: { id: string; error?: string; defaultValue: string }) {
  const t = useTranslations("admin.incidents");
  return (
    <TextField
      id={id}
      name="slug"
      label={t("slug")}
      hint={t("slugHint")}
      error={error}
      required
      maxLength={LIMITS.slug.max}
      autoComplete="off"
      defaultValue={defaultValue}
      className="w-full max-w-md font-mono"
    />
  );
}

/**
 * How many answers a server action has given: the key of a form's fields, so each answer
 * remounts them and they start again from what the server sent back.
 */
export function useAnswerCount<S>(state: S): number {
  const [answers, setAnswers] = useState({ state, count: 0 });
  if (answers.state !== state) {
    setAnswers({ state, count: answers.count + 1 });
    return answers.count + 1;
  }
  return answers.count;
}

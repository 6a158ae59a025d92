import type { InputHTMLAttributes, ReactNode, TextareaHTMLAttributes } from "react";

// The labelled fields of every form, public and console: hint and error read with each.

/** A field's error, announced when it appears. */
export function FieldError({ id, message }: { id: string; message?: string }) {
  if (!message) return null;
  return (
    <p id={id} role="alert" className="mt-2 font-medium text-red-800">
      {message}
    </p>
  );
}

type TextFieldProps = {
  name: string;
  /** Defaults to the name; set it when a page holds several forms with the same fields. */
  id?: string;
  label: string;
  hint: string;
  error?: string;
  className?: string;
} & Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "name" | "className" | "aria-invalid" | "aria-describedby">;

type LabelledProps = { id: string; label: string; hint?: string; error?: string; children: ReactNode };

/** A field's label above it, its hint (id `${id}-hint`) and its error (id `${id}-error`). */
function Labelled({ id, label, hint, error, children }: LabelledProps) {
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
      {children}
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

/** A labelled input whose hint and error are read with it (aria-describedby). */
export function TextField({ name, id = name, label, hint, error, className = "", ...input }: TextFieldProps) {
  return (
    <Labelled id={id} label={label} hint={hint} error={error}>
      <input
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
        className={`mt-1 block rounded-md border border-slate-500 px-3 py-2 text-lg text-slate-900 focus:outline-none focus:ring-4 focus:ring-blue-300 ${className}`}
        {...input}
      />
    </Labelled>
  );
}

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
    <Labelled id={id} label={label} hint={hint} error={error}>
      <textarea
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={ids || undefined}
        className={`mt-1 block w-full rounded-md border border-slate-500 px-3 py-2 text-slate-900 focus:outline-none focus:ring-4 focus:ring-blue-300 ${className}`}
        {...area}
      />
    </Labelled>
  );
}

/** A checkbox with its label beside it, posting "on" when ticked. */
export function CheckboxField({ name, label, checked }: { name: string; label: string; checked: boolean }) {
  return (
    <label className="flex items-center gap-2 text-slate-900">
      <input type="checkbox" name={name} defaultChecked={checked} className="h-5 w-5" />
      {label}
    </label>
  );
}

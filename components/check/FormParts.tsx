import type { InputHTMLAttributes, ReactNode } from "react";

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

/** A labelled input whose hint and error are read with it (aria-describedby). */
export function TextField({ name, id = name, label, hint, error, className = "", ...input }: TextFieldProps) {
  return (
    <div>
      <label htmlFor={id} className="block font-medium text-slate-900">
        {label}
      </label>
      <p id={`${id}-hint`} className="text-sm text-slate-700">
        {hint}
      </p>
      <input
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
        className={`mt-1 block rounded-md border border-slate-500 px-3 py-2 text-lg text-slate-900 focus:outline-none focus:ring-4 focus:ring-blue-300 ${className}`}
        {...input}
      />
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

export function SubmitButton({ pending, children }: { pending: boolean; children: ReactNode }) {
  return (
    <button
      type="submit"
      disabled={pending}
      aria-disabled={pending}
      className="rounded-md bg-blue-800 px-5 py-2.5 font-semibold text-white hover:bg-blue-900 focus:outline-none focus:ring-4 focus:ring-blue-300 disabled:opacity-70"
    >
      {children}
    </button>
  );
}

/** A one-button form that sends the flow back to the first step. */
export function RestartForm({ action, label }: { action: (form: FormData) => void; label: string }) {
  return (
    <form action={action}>
      <input type="hidden" name="intent" value="restart" />
      <button type="submit" className="text-blue-800 underline underline-offset-2">
        {label}
      </button>
    </form>
  );
}

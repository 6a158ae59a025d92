import type { ReactNode } from "react";
import { SubmitButton } from "@/components/forms/SubmitButton";

// The incident and group editors' Save and Preview: a preview renders unsaved text.

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

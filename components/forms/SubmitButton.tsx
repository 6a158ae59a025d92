import type { ReactNode } from "react";

/** A form's main button, disabled while its action runs. */
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

"use client";

import { useRef, useState, type ReactNode } from "react";
import { useTranslations } from "use-intl";
import { CONFIRM_FIELD, CONFIRM_VALUE } from "@/lib/validation/confirm";

type Props = {
  /** The form's action (from useActionState); it receives `fields` and confirm=yes. */
  action: (form: FormData) => void;
  /** The first step's label, e.g. "Delete…", and its accessible name when the label alone is ambiguous. */
  trigger: string;
  triggerLabel?: string;
  /** What will happen, with counts where there are any: shown before anything is sent. */
  consequence: ReactNode;
  /** The second step's button, e.g. "Yes, delete ann@example.com", and its accessible name. */
  confirm: string;
  confirmLabel?: string;
  /** Hidden fields the action needs (ids, the new state). */
  fields?: Record<string, string>;
  pending?: boolean;
  /** Open on the confirm step, e.g. to show the action's error beside it. */
  open?: boolean;
  /** The action's outcome, shown under the buttons. */
  children?: ReactNode;
};

const base =
  "rounded-md px-3 py-1.5 font-semibold focus:outline-none focus-visible:ring-4 disabled:cursor-not-allowed disabled:opacity-70";

/**
 * Two steps for anything destructive: the first click (a <summary>, so it works without
 * JavaScript and from the keyboard) reveals what will happen; only the second posts,
 * with confirm=yes, which the action's schema requires (lib/validation/confirm.ts).
 * Cancel folds it again and gives focus back to the first step.
 */
export function ConfirmButton(props: Props) {
  const { action, trigger, triggerLabel, consequence, confirm, confirmLabel, fields = {}, pending = false } = props;
  const t = useTranslations("admin.confirm");
  const [open, setOpen] = useState(props.open ?? false);
  const summary = useRef<HTMLElement>(null);
  // An error from the action reopens the step (state adjusted while rendering, not in an effect).
  const [forced, setForced] = useState(props.open);
  if (props.open !== forced) {
    setForced(props.open);
    if (props.open) setOpen(true);
  }
  return (
    <details
      open={open}
      onToggle={(e) => setOpen(e.currentTarget.open)}
      className="rounded-md border border-slate-300 p-2"
    >
      <summary
        ref={summary}
        aria-label={triggerLabel}
        className={`${base} inline-block cursor-pointer text-red-800 hover:bg-red-50 focus-visible:ring-red-300`}
      >
        {trigger}
      </summary>
      <form action={action} className="mt-2 space-y-2">
        {Object.entries(fields).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <input type="hidden" name={CONFIRM_FIELD} value={CONFIRM_VALUE} />
        <p className="font-semibold text-slate-900">{t("heading")}</p>
        <p className="text-slate-800">{consequence}</p>
        <div className="flex flex-wrap gap-2">
          <button
            type="submit"
            disabled={pending}
            aria-label={confirmLabel}
            className={`${base} bg-red-800 text-white hover:bg-red-900 focus-visible:ring-red-300`}
          >
            {confirm}
          </button>
          <button
            type="button"
            onClick={() => {
              setOpen(false);
              summary.current?.focus();
            }}
            className={`${base} border border-slate-600 text-slate-900 hover:bg-slate-100 focus-visible:ring-blue-300`}
          >
            {t("cancel")}
          </button>
        </div>
        {props.children}
      </form>
    </details>
  );
}

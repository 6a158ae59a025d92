"use client";

import { useTranslations } from "use-intl";
import type { RemovePasskeyState } from "@/app/admin/account/actions";
import { FormStatus } from "@/components/forms/FormStatus";
import { useStepUpAction } from "@/components/forms/useStepUpAction";

type Remove = (prev: RemovePasskeyState | undefined, form: FormData) => Promise<RemovePasskeyState>;
export type PasskeyItem = { id: string; name: string; addedOn: string };

/** The user's passkeys, each with its remove button (a fresh step-up is asked in place). */
export function PasskeyList({ passkeys, remove }: { passkeys: PasskeyItem[]; remove: Remove }) {
  const t = useTranslations("admin.passkeys");
  if (passkeys.length === 0) return <p className="text-slate-800">{t("none")}</p>;
  return (
    <ul aria-label={t("listLabel")} className="divide-y divide-slate-300 rounded-md border border-slate-400">
      {passkeys.map((p) => (
        <PasskeyRow key={p.id} passkey={p} remove={remove} />
      ))}
    </ul>
  );
}

function PasskeyRow({ passkey, remove }: { passkey: PasskeyItem; remove: Remove }) {
  const t = useTranslations("admin.passkeys");
  const [state, action, pending, stepUp] = useStepUpAction(remove, {});
  return (
    <li className="space-y-2 p-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <span className="text-slate-900">
          <span className="font-semibold">{passkey.name}</span>{" "}
          <span className="text-slate-700">({t("addedOn", { date: passkey.addedOn })})</span>
        </span>
        <form action={action}>
          <input type="hidden" name="id" value={passkey.id} />
          <button
            type="submit"
            disabled={pending}
            aria-label={t("removeLabel", { name: passkey.name })}
            className="rounded-md border border-red-700 px-3 py-1.5 font-semibold text-red-800 hover:bg-red-50 focus:outline-none focus:ring-4 focus:ring-blue-300 disabled:opacity-70"
          >
            {t("remove")}
          </button>
        </form>
      </div>
      {(state.error || state.notice) && <FormStatus error={state.error} notice={state.notice} />}
      {stepUp}
    </li>
  );
}

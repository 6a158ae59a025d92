"use client";

import { useActionState } from "react";
import { useTranslations } from "use-intl";
import type { ApiKeyRowState } from "@/app/admin/api-keys/actions";

type Props = {
  apiKey: { id: string; name: string };
  revoke: (prev: ApiKeyRowState | undefined, form: FormData) => Promise<ApiKeyRowState>;
};

/** One key's revoke form, behind a disclosure and a confirmation, with its outcome next to it. */
export function ApiKeyRowActions({ apiKey, revoke }: Props) {
  const t = useTranslations("admin.apiKeys");
  const [state, action, pending] = useActionState(revoke, {});
  return (
    <details className="rounded-md border border-slate-300 p-2" open={Boolean(state.error)}>
      <summary className="cursor-pointer font-semibold text-red-800">{t("revokeOpen")}</summary>
      <form action={action} className="mt-2 space-y-2">
        <input type="hidden" name="keyId" value={apiKey.id} />
        <label className="flex items-center gap-2 text-slate-900">
          <input type="checkbox" name="confirm" value="yes" required className="h-5 w-5" />
          {t("revokeConfirm", { name: apiKey.name })}
        </label>
        <button
          type="submit"
          disabled={pending}
          aria-label={t("revokeKey", { name: apiKey.name })}
          className="rounded-md bg-red-800 px-3 py-1.5 font-semibold text-white hover:bg-red-900 focus:outline-none focus:ring-4 focus:ring-red-300 disabled:opacity-70"
        >
          {t("revoke")}
        </button>
        {state.error ? (
          <p role="alert" className="font-medium text-red-800">
            {state.error}
          </p>
        ) : (
          <p role="status" className="text-sm font-medium text-green-800">
            {state.notice ?? ""}
          </p>
        )}
      </form>
    </details>
  );
}

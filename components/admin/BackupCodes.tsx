"use client";

import { useActionState } from "react";
import { useTranslations } from "use-intl";
import { SubmitButton } from "@/components/forms/SubmitButton";
import type { BackupCodesState } from "@/app/admin/enroll/actions";

type Props = { reveal: (prev: BackupCodesState) => Promise<BackupCodesState> };

/** The backup codes, shown once: asked for with a button, kept only in this page's memory. */
export function BackupCodes({ reveal }: Props) {
  const t = useTranslations("admin.enroll");
  const [state, action, pending] = useActionState(reveal, {});
  if (state.codes) {
    return (
      <>
        <ul aria-label={t("backupTitle")} className="grid max-w-md grid-cols-2 gap-2 font-mono text-lg text-slate-900">
          {state.codes.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
        <a href="/admin" className="text-blue-800 underline underline-offset-2">
          {t("continue")}
        </a>
      </>
    );
  }
  if (state.gone) {
    return (
      <>
        <p role="alert" className="font-semibold text-slate-900">
          {t("backupGone")}
        </p>
        <a href="/admin" className="text-blue-800 underline underline-offset-2">
          {t("continue")}
        </a>
      </>
    );
  }
  return (
    <form action={action}>
      <SubmitButton pending={pending}>{t("reveal")}</SubmitButton>
    </form>
  );
}

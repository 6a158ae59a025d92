"use client";

import { useTranslations } from "use-intl";

export function PrintButton() {
  const t = useTranslations("remediation");
  return (
    <button
      type="button"
      onClick={() => window.print()}
      className="rounded-md border border-slate-500 px-4 py-2 font-medium text-slate-900 hover:bg-slate-100 print:hidden"
    >
      {t("print")}
    </button>
  );
}

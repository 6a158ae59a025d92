"use client";

import { useSyncExternalStore } from "react";
import { useTranslations } from "use-intl";

const noSubscription = () => () => {};

/**
 * Prints the page. Without JavaScript the button could do nothing, so the page says how
 * to print instead: the content itself prints the same either way (print: styles).
 */
export function PrintButton() {
  const t = useTranslations("remediation");
  const scripted = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  if (!scripted) return <p className="text-sm text-slate-700 print:hidden">{t("printHint")}</p>;
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

"use client";

import { useEffect, useRef, useState } from "react";
import { useTranslations } from "use-intl";

const SHOWN_MS = 2000;

/**
 * Copies a key or an id to the clipboard. The visible word is "Copy"; what it copies is
 * said to screen readers inside the name ("Copy the entry id"), so the name starts with
 * what is shown. The outcome is announced in a polite live region that is always in the
 * page (a region added together with its text is often not read).
 */
export function CopyButton({ value, what }: { value: string; what: string }) {
  const t = useTranslations("admin.copy");
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  async function copy() {
    clearTimeout(timer.current);
    try {
      await navigator.clipboard.writeText(value);
      setState("copied");
    } catch {
      // No clipboard (an insecure origin, a refused permission): the text stays selectable.
      setState("failed");
    }
    timer.current = setTimeout(() => setState("idle"), SHOWN_MS);
  }

  return (
    <>
      <button
        type="button"
        onClick={() => void copy()}
        className="ml-2 inline-block rounded border border-slate-500 px-1.5 py-0.5 align-baseline text-xs font-medium whitespace-nowrap text-slate-900 hover:bg-slate-100 focus:outline-none focus:ring-4 focus:ring-blue-300 print:hidden"
      >
        {state === "copied" ? t("done") : t("button")}
        <span className="sr-only"> {what}</span>
      </button>
      <span role="status" className="sr-only">
        {state === "copied" ? t("copied", { what }) : state === "failed" ? t("failed") : ""}
      </span>
    </>
  );
}

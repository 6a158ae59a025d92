import type { ComponentProps } from "react";
import { CarrierContact } from "@/components/CarrierContact";
import { Markdown } from "@/components/Markdown";
import { PrintButton } from "@/components/PrintButton";
import { localizedPath, type Locale } from "@/lib/i18n/locale";
import { rankByHarm } from "@/lib/exposures/harm";
import { getTranslator } from "@/lib/i18n/translator";
import type { RemediationPage } from "@/lib/incidents/get-remediation";

/**
 * A group's page: the public one and the console's preview of drafts. The page chrome is
 * in the reader's language (`uiLocale`); the text in the locale it was found in, with a
 * notice when some fields fell back to English.
 */
type Props = {
  page: RemediationPage;
  uiLocale?: Locale;
  /** The carrier's contacts, under the steps; the console's preview leaves them out. */
  carrier?: ComponentProps<typeof CarrierContact>["carrier"];
};

export function RemediationView({ page, uiLocale = "en", carrier }: Props) {
  const t = getTranslator(uiLocale);
  return (
    <article className="space-y-6">
      <p className="print:hidden">
        <a href={localizedPath(uiLocale, "/")} className="text-blue-800 underline underline-offset-2">
          {t("remediation.back")}
        </a>
      </p>
      {page.fallback && (
        <p role="note" className="rounded-md border border-amber-600 bg-amber-50 p-3 text-slate-900">
          {t("remediation.fallbackNotice")}
        </p>
      )}
      <header>
        <h1 className="text-3xl font-bold text-slate-900">{page.category.name}</h1>
        <p className="mt-1 text-lg text-slate-800">{page.incident.title}</p>
        <p className="text-sm text-slate-700">
          {t("remediation.disclosed", { disclosedAt: page.incident.disclosedAt })}
        </p>
      </header>
      <Markdown className="text-slate-800">{page.incident.summary}</Markdown>
      <section aria-labelledby="exposed">
        <h2 id="exposed" className="text-xl font-semibold text-slate-900">
          {t("remediation.dataExposed")}
        </h2>
        <ul className="mt-2 list-disc pl-6 text-slate-800">
          {rankByHarm(page.category.dataExposed).map((d, i) => (
            <li key={i}>{d}</li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="steps">
        <h2 id="steps" className="text-xl font-semibold text-slate-900">
          {t("remediation.steps")}
        </h2>
        <ol className="mt-2 list-decimal space-y-2 pl-6 text-slate-800">
          {page.category.remediation.map((step, i) => (
            // Steps are console-written markdown; the index keys them (two may read alike).
            <li key={i}>
              <Markdown>{step}</Markdown>
            </li>
          ))}
        </ol>
      </section>
      {carrier && <CarrierContact carrier={carrier} />}
      <PrintButton />
    </article>
  );
}

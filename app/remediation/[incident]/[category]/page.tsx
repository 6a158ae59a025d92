import { notFound } from "next/navigation";
import type { Metadata } from "next";
import { CarrierContact } from "@/components/CarrierContact";
import { Markdown } from "@/components/Markdown";
import { PrintButton } from "@/components/PrintButton";
import { getRemediation } from "@/lib/incidents/get-remediation";
import { getTranslator } from "@/lib/i18n/translator";
import { getServices } from "@/lib/services";

type Params = { params: Promise<{ incident: string; category: string }> };

async function load({ params }: Params) {
  const { incident, category } = await params;
  if (incident.length > 100 || category.length > 100) return null;
  return getRemediation(getServices().db, incident, category);
}

export async function generateMetadata(props: Params): Promise<Metadata> {
  const page = await load(props);
  return {
    title: page ? `${page.category.name} — ${page.incident.title}` : getTranslator()("remediation.notFoundTitle"),
  };
}

/** What a group of affected customers should do: printable, no JavaScript needed. */
export default async function RemediationPage(props: Params) {
  const page = await load(props);
  if (!page) notFound();
  const t = getTranslator();
  const carrier = await getServices().carrier.current();
  return (
    <article className="space-y-6">
      <p className="print:hidden">
        <a href="/" className="text-blue-800 underline underline-offset-2">
          {t("remediation.back")}
        </a>
      </p>
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
          {page.category.dataExposed.map((d, i) => (
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
      <CarrierContact carrier={carrier} />
      <PrintButton />
    </article>
  );
}

import { notFound } from "next/navigation";
import type { Metadata } from "next";
import { RemediationView } from "@/components/RemediationView";
import { getRemediation } from "@/lib/incidents/get-remediation";
import { getTranslator } from "@/lib/i18n/translator";
import { getServices } from "@/lib/services";

type Params = { params: Promise<{ incident: string; category: string }> };

// Published text only (lib/incidents/get-remediation.ts). The locale is English until
// the page negotiates one; getRemediation takes it and falls back per field.
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
  return <RemediationView page={page} />;
}

import { notFound } from "next/navigation";
import type { Metadata } from "next";
import { RemediationView } from "@/components/RemediationView";
import { getRemediation } from "@/lib/incidents/get-remediation";
import { requestLocale } from "@/lib/auth/next";
import { getTranslator } from "@/lib/i18n/translator";
import { getServices } from "@/lib/services";

type Params = { params: Promise<{ incident: string; category: string }> };

// Published text only (lib/incidents/get-remediation.ts), in the reader's language,
// falling back to English per field.
async function load({ params }: Params) {
  const { incident, category } = await params;
  if (incident.length > 100 || category.length > 100) return null;
  return getRemediation(getServices().db, incident, category, await requestLocale());
}

export async function generateMetadata(props: Params): Promise<Metadata> {
  const page = await load(props);
  return {
    title: page
      ? `${page.category.name} — ${page.incident.title}`
      : getTranslator(await requestLocale())("remediation.notFoundTitle"),
  };
}

/** What a group of affected customers should do: printable, no JavaScript needed. */
export default async function RemediationPage(props: Params) {
  const page = await load(props);
  if (!page) notFound();
  const carrier = await getServices().carrier.current();
  return <RemediationView page={page} uiLocale={await requestLocale()} carrier={carrier} />;
}

import { notFound } from "next/navigation";
import { RemediationView } from "@/components/RemediationView";
import { requirePermission } from "@/lib/auth/next";
import { getTranslator } from "@/lib/i18n/translator";
import { getRemediationPreview } from "@/lib/incidents/get-remediation";
import { contentLocale } from "@/lib/incidents/locales";
import { SLUG_PATTERN } from "@/lib/incidents/schemas";
import { getServices } from "@/lib/services";

type Props = {
  params: Promise<{ slug?: string; category?: string }>;
  searchParams: Promise<{ locale?: string | string[] }>;
};

/** A group's public page as it will look once its drafts are published, in one locale. */
export default async function PreviewPage({ params, searchParams }: Props) {
  await requirePermission("incidents:edit");
  const { slug = "", category = "" } = await params;
  const raw = (await searchParams).locale;
  const locale = contentLocale(typeof raw === "string" ? raw : undefined);
  const valid = SLUG_PATTERN.test(slug) && SLUG_PATTERN.test(category);
  const page = valid ? await getRemediationPreview(getServices().db, slug, category, locale) : null;
  if (!page) notFound();
  const t = getTranslator();
  return (
    <>
      <div role="note" className="space-y-1 rounded-md border border-dashed border-slate-500 bg-slate-50 p-4">
        <p className="font-bold text-slate-900">{t("admin.incidents.previewPageTitle")}</p>
        <p className="text-slate-800">{t("admin.incidents.previewPageNote")}</p>
        <a
          href={`/admin/incidents/${encodeURIComponent(slug)}#category-${category}`}
          className="text-blue-800 underline"
        >
          {t("admin.incidents.previewBack")}
        </a>
      </div>
      <div lang={page.locale}>
        <RemediationView page={page} uiLocale={locale} />
      </div>
    </>
  );
}

import { notFound } from "next/navigation";
import { createCategoryAction, updateCategoryAction, updateIncidentAction } from "@/app/admin/incidents/actions";
import { CategoryForm } from "@/components/admin/CategoryForm";
import { IncidentForm } from "@/components/admin/IncidentForm";
import { NoticeSection, OfferSection } from "@/app/admin/incidents/notice/sections";
import { requirePermission } from "@/lib/auth/next";
import { getTranslator } from "@/lib/i18n/translator";
import { getIncident } from "@/lib/incidents/manage";
import { remediationPath } from "@/lib/incidents/paths";
import { SLUG_PATTERN } from "@/lib/incidents/schemas";
import { getServices } from "@/lib/services";

type Props = { params: Promise<{ slug?: string }> };

const link = "text-blue-800 underline underline-offset-2";

/** One incident: its own fields, then each of its groups, then a form to add a group. */
export default async function EditIncidentPage({ params }: Props) {
  await requirePermission("incidents:edit");
  const { slug = "" } = await params;
  const incident = SLUG_PATTERN.test(slug) ? await getIncident(getServices().db, slug) : null;
  if (!incident) notFound();
  const t = getTranslator();
  return (
    <>
      <p>
        <a href="/admin/incidents" className={link}>
          {t("admin.incidents.backToList")}
        </a>
      </p>
      <h1 className="text-3xl font-bold text-slate-900">{incident.title}</h1>

      <section aria-labelledby="incident-heading" className="space-y-4 rounded-md border border-slate-300 p-4">
        <h2 id="incident-heading" className="text-xl font-bold text-slate-900">
          {t("admin.incidents.editTitle")}
        </h2>
        <IncidentForm
          action={updateIncidentAction}
          mode="edit"
          initial={{
            slug: incident.slug,
            title: incident.title,
            disclosedAt: incident.disclosedAt.toISOString().slice(0, 10),
            summary: incident.summary,
          }}
        />
      </section>

      <NoticeSection incidentSlug={incident.slug} />

      <section aria-labelledby="categories-heading" className="space-y-6">
        <h2 id="categories-heading" className="text-xl font-bold text-slate-900">
          {t("admin.incidents.categories")}
        </h2>
        {incident.categories.length === 0 && <p className="text-slate-800">{t("admin.incidents.noCategories")}</p>}
        {incident.categories.map((c) => (
          <section
            key={c.slug}
            id={`category-${c.slug}`}
            aria-labelledby={`category-${c.slug}-heading`}
            className="space-y-4 rounded-md border border-slate-300 p-4"
          >
            <h3 id={`category-${c.slug}-heading`} className="text-lg font-bold text-slate-900">
              {t("admin.incidents.category", { name: c.name })}
            </h3>
            <p className="text-sm text-slate-700">
              <span className="font-mono">{c.slug}</span> ·{" "}
              <a href={remediationPath(incident.slug, c.slug)} className={link}>
                {t("admin.incidents.publicPage")}
              </a>
            </p>
            <CategoryForm action={updateCategoryAction} incidentSlug={incident.slug} mode="edit" initial={c} />
            <OfferSection incidentSlug={incident.slug} categorySlug={c.slug} />
          </section>
        ))}
      </section>

      <section aria-labelledby="new-category-heading" className="space-y-4 rounded-md border border-slate-300 p-4">
        <h2 id="new-category-heading" className="text-xl font-bold text-slate-900">
          {t("admin.incidents.newCategory")}
        </h2>
        <CategoryForm
          action={createCategoryAction}
          incidentSlug={incident.slug}
          mode="create"
          initial={{ slug: "", name: "", dataExposed: [], remediation: [], sortOrder: incident.categories.length }}
        />
      </section>
    </>
  );
}

import { notFound } from "next/navigation";
import { createCategoryAction, updateCategoryAction, updateIncidentAction } from "@/app/admin/incidents/actions";
import {
  deleteCategoryAction,
  publishAction,
  restoreAction,
  setReviewAction,
} from "@/app/admin/incidents/publishing/actions";
import { CategoryForm } from "@/components/admin/CategoryForm";
import { ContentPanel, DeleteCategoryForm, ReviewToggle } from "@/components/admin/ContentActions";
import { IncidentForm } from "@/components/admin/IncidentForm";
import { NoticeSection, OfferSection } from "@/app/admin/incidents/notice/sections";
import { requirePermission } from "@/lib/auth/next";
import { can } from "@/lib/auth/permissions";
import { getTranslator } from "@/lib/i18n/translator";
import { categoryFormValues, incidentFormValues } from "@/lib/incidents/form-values";
import { CONTENT_LOCALES } from "@/lib/incidents/locales";
import { getIncident } from "@/lib/incidents/manage";
import { previewPath, remediationPath } from "@/lib/incidents/paths";
import { SLUG_PATTERN } from "@/lib/incidents/schemas";
import { getServices } from "@/lib/services";

type Props = { params: Promise<{ slug?: string }>; searchParams: Promise<{ deleted?: string }> };

const link = "text-blue-800 underline underline-offset-2";

/**
 * One incident: its own text, then each of its groups, each with its locales side by
 * side, its draft and publishing state and its history; then a form to add a group.
 */
export default async function EditIncidentPage({ params, searchParams }: Props) {
  const admin = await requirePermission("incidents:edit");
  const { slug = "" } = await params;
  const incident = SLUG_PATTERN.test(slug) ? await getIncident(getServices().db, slug) : null;
  if (!incident) notFound();
  const deleted = (await searchParams).deleted === "1";
  const t = getTranslator();
  const me = admin.id;
  const mayPublish = (draft: { editedBy: string[] } | null) =>
    !incident.reviewRequired || !draft || !draft.editedBy.includes(me);
  const previews = (category: string) =>
    CONTENT_LOCALES.map((l) => ({
      href: previewPath(incident.slug, category, l),
      label: t("admin.incidents.previewPage", { language: t(`admin.incidents.locales.${l}`) }),
    }));
  const first = incident.categories[0]?.slug;
  return (
    <>
      <p>
        <a href="/admin/incidents" className={link}>
          {t("admin.incidents.backToList")}
        </a>
      </p>
      <h1 className="text-3xl font-bold text-slate-900">{incident.title}</h1>

      <section aria-labelledby="review-heading" className="space-y-2 rounded-md border border-slate-300 p-4">
        <h2 id="review-heading" className="text-xl font-bold text-slate-900">
          {t("admin.incidents.review.title")}
        </h2>
        {can(admin.role, "settings:manage") ? (
          <ReviewToggle incident={incident.slug} on={incident.reviewRequired} action={setReviewAction} />
        ) : (
          <p className="text-slate-800">
            {incident.reviewRequired ? t("admin.incidents.review.on") : t("admin.incidents.review.off")}
          </p>
        )}
      </section>

      <section aria-labelledby="incident-heading" className="space-y-4 rounded-md border border-slate-300 p-4">
        <h2 id="incident-heading" className="text-xl font-bold text-slate-900">
          {t("admin.incidents.editTitle")}
        </h2>
        <IncidentForm
          action={updateIncidentAction}
          mode="edit"
          initial={incidentFormValues(incident.slug, incident.content.body)}
        />
        <ContentPanel
          subject={{ incident: incident.slug }}
          content={incident.content}
          mayPublish={mayPublish(incident.content.draft)}
          reviewed={incident.reviewRequired}
          publish={publishAction}
          restore={restoreAction}
          previews={first ? previews(first) : []}
        />
      </section>

      <NoticeSection incidentSlug={incident.slug} />

      <section aria-labelledby="categories-heading" className="space-y-6">
        <h2 id="categories-heading" className="text-xl font-bold text-slate-900">
          {t("admin.incidents.categories")}
        </h2>
        {deleted && (
          <p role="status" className="font-medium text-green-800">
            {t("admin.incidents.deleted")}
          </p>
        )}
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
            <CategoryForm
              action={updateCategoryAction}
              incidentSlug={incident.slug}
              mode="edit"
              initial={categoryFormValues(c.slug, c.content.body)}
            />
            <ContentPanel
              subject={{ incident: incident.slug, category: c.slug }}
              content={c.content}
              mayPublish={mayPublish(c.content.draft)}
              reviewed={incident.reviewRequired}
              publish={publishAction}
              restore={restoreAction}
              previews={previews(c.slug)}
            />
            <DeleteCategoryForm
              subject={{ incident: incident.slug, category: c.slug }}
              name={c.name}
              action={deleteCategoryAction}
            />
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
          initial={categoryFormValues("", null, incident.categories.length)}
        />
      </section>
    </>
  );
}

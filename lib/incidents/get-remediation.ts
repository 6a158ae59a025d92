import type { Db } from "@/lib/db/client";
import { readCategoryBody, readIncidentBody, resolveText } from "@/lib/incidents/content";
import { SOURCE_LOCALE, contentLocale, type ContentLocale } from "@/lib/incidents/locales";

/**
 * A group's public page in one locale: published text only (or, for the console's
 * preview, the drafts). A field the locale lacks is shown in English and listed in
 * `fallbackFields` ("incident.title", "category.remediation"...), so the page can say so.
 */
export type RemediationPage = NonNullable<Awaited<ReturnType<typeof getRemediation>>>;

async function load(
  db: Db,
  incidentSlug: string,
  categorySlug: string,
  locale: string,
  statuses: ("draft" | "published")[],
) {
  const contents = {
    where: { status: { in: statuses } },
    select: { categoryId: true, status: true, body: true },
  } as const;
  const category = await db.category.findFirst({
    where: { slug: categorySlug, incident: { slug: incidentSlug } },
    select: {
      id: true,
      slug: true,
      incident: { select: { slug: true, contents: { ...contents, where: { ...contents.where, categoryId: null } } } },
      contents,
    },
  });
  if (!category) return null;
  // A draft wins over the published text when both are asked for (the preview).
  const pick = <T extends { status: string }>(rows: T[]) =>
    rows.find((r) => r.status === "draft") ?? rows.find((r) => r.status === "published");
  const incidentRow = pick(category.incident.contents);
  const categoryRow = pick(category.contents);
  if (!incidentRow || !categoryRow) return null;
  const lang: ContentLocale = contentLocale(locale);
  const incidentBody = readIncidentBody(incidentRow.body);
  const categoryBody = readCategoryBody(categoryRow.body);
  const i = resolveText(incidentBody.text, lang);
  const c = resolveText(categoryBody.text, lang);
  const fallbackFields = [
    ...i.fallbackFields.map((f) => `incident.${f}`),
    ...c.fallbackFields.map((f) => `category.${f}`),
  ];
  return {
    locale: lang,
    fallback: fallbackFields.length > 0,
    fallbackFields,
    incident: {
      ...i.values,
      slug: category.incident.slug,
      disclosedAt: new Date(`${incidentBody.disclosedAt}T00:00:00Z`),
    },
    category: { ...c.values, slug: category.slug },
  };
}

/** A group's published page in `locale` (default English), or null. */
export function getRemediation(db: Db, incidentSlug: string, categorySlug: string, locale: string = SOURCE_LOCALE) {
  return load(db, incidentSlug, categorySlug, locale, ["published"]);
}

/** The same page with the drafts in place of the published text: the console's preview. */
export function getRemediationPreview(
  db: Db,
  incidentSlug: string,
  categorySlug: string,
  locale: string = SOURCE_LOCALE,
) {
  return load(db, incidentSlug, categorySlug, locale, ["draft", "published"]);
}

import type { Db } from "@/lib/db/client";

/** An incident's category with its remediation steps, or null. */
export async function getRemediation(db: Db, incidentSlug: string, categorySlug: string) {
  const category = await db.category.findFirst({
    where: { slug: categorySlug, incident: { slug: incidentSlug } },
    include: { incident: true },
  });
  if (!category) return null;
  return {
    incident: {
      slug: category.incident.slug,
      title: category.incident.title,
      summary: category.incident.summary,
      disclosedAt: category.incident.disclosedAt,
    },
    category: {
      slug: category.slug,
      name: category.name,
      dataExposed: category.dataExposed,
      remediation: category.remediation,
    },
  };
}

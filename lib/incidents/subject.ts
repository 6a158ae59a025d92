import type { Prisma } from "@/generated/prisma/client.ts";
import type { AuditCtx } from "@/lib/audit/record";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

/**
 * What a content version belongs to: an incident's own text (categoryId null) or one of
 * its groups. Drafts, publishing and restoring work the same on both.
 */
export type Subject = {
  incidentId: number;
  categoryId: number | null;
  reviewRequired: boolean;
  /** As the audit log names it: "incident" or "incident/group". */
  target: string;
};

export type Tx = Prisma.TransactionClient | Db;

export async function findSubject(db: Tx, incidentSlug: string, categorySlug: string | null): Promise<Subject> {
  const incident = await db.incident.findUnique({
    where: { slug: incidentSlug },
    select: { id: true, reviewRequired: true },
  });
  if (!incident) throw new AppError("not_found");
  let categoryId: number | null = null;
  if (categorySlug !== null) {
    const category = await db.category.findUnique({
      where: { incidentId_slug: { incidentId: incident.id, slug: categorySlug } },
      select: { id: true },
    });
    if (!category) throw new AppError("not_found");
    categoryId = category.id;
  }
  return {
    incidentId: incident.id,
    categoryId,
    reviewRequired: incident.reviewRequired,
    target: categorySlug === null ? incidentSlug : `${incidentSlug}/${categorySlug}`,
  };
}

/** Whose edit this is, as a draft's editedBy records it (the command line has no id). */
export const editorKey = (ctx: AuditCtx): string => ctx.actor.id ?? "cli";

export const subjectWhere = (s: Subject) => ({ incidentId: s.incidentId, categoryId: s.categoryId });

/** The subject's draft and published rows (at most one of each). */
export async function currentRows(db: Tx, s: Subject) {
  const rows = await db.contentVersion.findMany({
    where: { ...subjectWhere(s), status: { in: ["draft", "published"] } },
    orderBy: { id: "desc" },
  });
  return {
    draft: rows.find((r) => r.status === "draft") ?? null,
    published: rows.find((r) => r.status === "published") ?? null,
  };
}

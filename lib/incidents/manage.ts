import { Prisma } from "@/generated/prisma/client.ts";
import { actedBy, recordAudit, type AuditCtx } from "@/lib/audit/record";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { completeness, readCategoryBody, readIncidentBody } from "@/lib/incidents/content";
import { dayOf } from "@/lib/incidents/drafts";
import { noticeTexts, offerTexts } from "@/lib/incidents/notice";
import { CreateCategoryInput, CreateIncidentInput, DeleteCategoryInput } from "@/lib/incidents/schemas";
import { editorKey, findSubject } from "@/lib/incidents/subject";
import { parseInput } from "@/lib/validation/parse-input";

/**
 * The console's incidents and groups: listing, the editor's view, creating and deleting.
 * Text edits are drafts (drafts.ts) until published (publish.ts). Every change is audited
 * with the names of the fields, never the texts.
 */

export type IncidentSummary = Awaited<ReturnType<typeof listIncidents>>[number];
export type IncidentWithCategories = NonNullable<Awaited<ReturnType<typeof getIncident>>>;

const categoryOrder = [
  { sortOrder: "asc" },
  { slug: "asc" },
] as const satisfies Prisma.CategoryOrderByWithRelationInput[];

/**
 * Every incident, newest disclosure first, with its groups in display order and how
 * much of its published text each other locale has ("Spanish: 7 of 9 fields").
 */
export async function listIncidents(db: Db) {
  const incidents = await db.incident.findMany({
    orderBy: [{ disclosedAt: "desc" }, { slug: "asc" }],
    select: {
      slug: true,
      title: true,
      disclosedAt: true,
      categories: {
        orderBy: [...categoryOrder],
        select: { slug: true, name: true, offerInstructions: true, offerText: true },
      },
      contents: { where: { status: "published" }, select: { categoryId: true, body: true } },
      // The notice's texts and offer instructions count too: they are live (ADR 36).
      noticeWhatHappened: true,
      noticeWhatInvolved: true,
      noticeWhatWeAreDoing: true,
      noticeWhatYouCanDo: true,
      noticeText: true,
    },
  });
  return incidents.map(({ contents, categories, ...incident }) => ({
    slug: incident.slug,
    title: incident.title,
    disclosedAt: incident.disclosedAt,
    categories: categories.map((c) => ({ slug: c.slug, name: c.name })),
    translations: completeness([
      ...contents.map((c) => (c.categoryId === null ? readIncidentBody(c.body) : readCategoryBody(c.body)).text),
      noticeTexts(incident),
      ...categories.map((c) => offerTexts(c)),
    ]),
  }));
}

type Row = {
  categoryId: number | null;
  status: "draft" | "published" | "archived";
  version: number | null;
  body: unknown;
  editedBy: string[];
  editorEmail: string;
  restoredFrom: number | null;
  publishedBy: string | null;
  publishedAt: Date | null;
  updatedAt: Date;
};

/** What the editor shows of one subject: the text to edit, its state and its history. */
function contentState<B>(rows: Row[], read: (json: unknown) => B) {
  const draft = rows.find((r) => r.status === "draft");
  const published = rows.find((r) => r.status === "published");
  const editing = draft ?? published;
  return {
    body: editing ? read(editing.body) : null,
    draft: draft
      ? {
          editedBy: draft.editedBy,
          editorEmail: draft.editorEmail,
          savedAt: draft.updatedAt,
          restoredFrom: draft.restoredFrom,
        }
      : null,
    publishedVersion: published?.version ?? null,
    history: rows
      .filter((r) => r.status !== "draft")
      .map((r) => ({
        version: r.version!,
        publishedBy: r.publishedBy,
        publishedAt: r.publishedAt,
        live: r.status === "published",
      }))
      .sort((a, b) => b.version - a.version),
  };
}

/** One incident with everything the editor shows (drafts included), or null. */
export async function getIncident(db: Db, slug: string) {
  const incident = await db.incident.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      title: true,
      reviewRequired: true,
      categories: { orderBy: [...categoryOrder], select: { id: true, slug: true, name: true } },
    },
  });
  if (!incident) return null;
  const rows: Row[] = await db.contentVersion.findMany({
    where: { incidentId: incident.id },
    select: {
      categoryId: true,
      status: true,
      version: true,
      body: true,
      editedBy: true,
      editorEmail: true,
      restoredFrom: true,
      publishedBy: true,
      publishedAt: true,
      updatedAt: true,
    },
  });
  const of = (categoryId: number | null) => rows.filter((r) => r.categoryId === categoryId);
  const { id: _id, categories, ...rest } = incident;
  return {
    ...rest,
    content: contentState(of(null), readIncidentBody),
    categories: categories.map(({ id, ...c }) => ({ ...c, content: contentState(of(id), readCategoryBody) })),
  };
}

/** A unique-slug clash as a 409 that forms show next to the slug field. */
function slugTaken(e: unknown): never {
  if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") {
    throw new AppError("slug_taken", { fields: { slug: "errors.slug_taken" } });
  }
  throw e;
}

/**
 * A new incident (no groups yet), its text published as version 1 at once: no customer
 * can reach an incident before a list is imported into one of its groups.
 */
export async function createIncident(db: Db, input: unknown, ctx: AuditCtx): Promise<{ slug: string }> {
  const { slug, disclosedAt, text } = parseInput(CreateIncidentInput, input);
  await db
    .$transaction(async (tx) => {
      const row = await tx.incident.create({
        data: { slug, disclosedAt, title: text.en.title, summary: text.en.summary },
        select: { id: true },
      });
      await tx.contentVersion.create({
        data: {
          incidentId: row.id,
          status: "published",
          version: 1,
          body: { disclosedAt: dayOf(disclosedAt), text } as Prisma.InputJsonObject,
          editedBy: [editorKey(ctx)],
          editorEmail: ctx.actor.email,
          publishedBy: ctx.actor.email,
          publishedAt: new Date(),
        },
      });
      await recordAudit(tx, {
        ...actedBy(ctx),
        action: "incident_created",
        target: slug,
        details: { fields: ["text"] },
      });
    })
    .catch(slugTaken);
  return { slug };
}

/**
 * A new group of an incident. Its text is published as version 1 at once, unless the
 * incident requires review: then it is a draft, and the public page answers 404 until
 * someone else publishes it. A slug the incident already uses is a 409 slug_taken.
 */
export async function createCategory(
  db: Db,
  incidentSlug: string,
  input: unknown,
  ctx: AuditCtx,
): Promise<{ slug: string; published: boolean }> {
  const { slug, sortOrder, text } = parseInput(CreateCategoryInput, input);
  const s = await findSubject(db, incidentSlug, null);
  const published = !s.reviewRequired;
  await db
    .$transaction(async (tx) => {
      const row = await tx.category.create({
        data: { incidentId: s.incidentId, slug, sortOrder, ...text.en },
        select: { id: true },
      });
      await tx.contentVersion.create({
        data: {
          incidentId: s.incidentId,
          categoryId: row.id,
          status: published ? "published" : "draft",
          version: published ? 1 : null,
          body: { sortOrder, text } as Prisma.InputJsonObject,
          editedBy: [editorKey(ctx)],
          editorEmail: ctx.actor.email,
          ...(published ? { publishedBy: ctx.actor.email, publishedAt: new Date() } : {}),
        },
      });
      await recordAudit(tx, {
        ...actedBy(ctx),
        action: "category_created",
        target: `${incidentSlug}/${slug}`,
        details: { fields: ["sortOrder", "text"], published },
      });
    })
    .catch(slugTaken);
  return { slug, published };
}

/**
 * Deletes a group that no list has rows in (409 category_not_empty otherwise), with its
 * text history. The caller must confirm (confirm: "yes"). The check scans for one row;
 * affected_account has no index on the group, so it is slow on a big list, and rare.
 */
export async function deleteCategory(
  db: Db,
  incidentSlug: string,
  categorySlug: string,
  input: unknown,
  ctx: AuditCtx,
): Promise<void> {
  parseInput(DeleteCategoryInput, input);
  const s = await findSubject(db, incidentSlug, categorySlug);
  await db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<
      unknown[]
    >`SELECT 1 FROM affected_account WHERE category_id = ${s.categoryId} LIMIT 1`;
    if (rows.length > 0) throw new AppError("category_not_empty");
    await tx.category.delete({ where: { id: s.categoryId! } });
    await recordAudit(tx, { ...actedBy(ctx), action: "category_deleted", target: s.target });
  });
}

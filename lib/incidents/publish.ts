import type { Prisma } from "@/generated/prisma/client.ts";
import { actedBy, recordAudit, type AuditCtx } from "@/lib/audit/record";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { readCategoryBody, readIncidentBody } from "@/lib/incidents/content";
import { RestoreInput, ReviewSettingInput } from "@/lib/incidents/schemas";
import { currentRows, editorKey, findSubject, subjectWhere, type Subject, type Tx } from "@/lib/incidents/subject";
import { parseInput } from "@/lib/validation/parse-input";

/**
 * Making a draft live, restoring an earlier version, and the owners' two-person review
 * switch (docs/adr/0027-reviewed-content.md). Each entry point is one call an action
 * makes after its permission check, so a further guard (a second factor) is one line there.
 */

/**
 * The published English text is copied to the incident and category columns: the lookup
 * query (lib/exposures/find-exposures.ts) reads them, so the check result and the
 * integration API show published text at no extra cost per check.
 */
async function mirror(tx: Tx, s: Subject, body: unknown) {
  if (s.categoryId === null) {
    const b = readIncidentBody(body);
    await tx.incident.update({
      where: { id: s.incidentId },
      data: { title: b.text.en.title, summary: b.text.en.summary, disclosedAt: new Date(`${b.disclosedAt}T00:00:00Z`) },
    });
  } else {
    const b = readCategoryBody(body);
    await tx.category.update({
      where: { id: s.categoryId },
      data: {
        name: b.text.en.name,
        dataExposed: b.text.en.dataExposed,
        remediation: b.text.en.remediation,
        sortOrder: b.sortOrder,
      },
    });
  }
}

/**
 * Publishes the subject's draft as its next version. Under two-person review whoever
 * edited the draft may not publish it (403 review_required): someone else approves.
 */
export async function publishDraft(
  db: Db,
  incidentSlug: string,
  categorySlug: string | null,
  ctx: AuditCtx,
): Promise<{ version: number }> {
  return db.$transaction(async (tx) => {
    const s = await findSubject(tx, incidentSlug, categorySlug);
    // One publisher per incident at a time, so version numbers cannot collide.
    await tx.$queryRaw`SELECT id FROM incident WHERE id = ${s.incidentId} FOR UPDATE`;
    const { draft, published } = await currentRows(tx, s);
    if (!draft) throw new AppError("nothing_to_publish");
    if (s.reviewRequired && draft.editedBy.includes(editorKey(ctx))) throw new AppError("review_required");
    const last = await tx.contentVersion.aggregate({ where: subjectWhere(s), _max: { version: true } });
    const version = (last._max.version ?? 0) + 1;
    if (published) await tx.contentVersion.update({ where: { id: published.id }, data: { status: "archived" } });
    await tx.contentVersion.update({
      where: { id: draft.id },
      data: { status: "published", version, publishedBy: ctx.actor.email, publishedAt: new Date() },
    });
    await mirror(tx, s, draft.body);
    await recordAudit(tx, {
      ...actedBy(ctx),
      action: s.categoryId === null ? "incident_published" : "category_published",
      target: s.target,
      details: { version, reviewed: s.reviewRequired, restoredFrom: draft.restoredFrom },
    });
    return { version };
  });
}

/**
 * An earlier version's text becomes the subject's draft again (replacing any draft), to
 * be published like any edit: restoring never skips review.
 */
export async function restoreVersion(
  db: Db,
  incidentSlug: string,
  categorySlug: string | null,
  input: unknown,
  ctx: AuditCtx,
): Promise<{ version: number }> {
  const { version } = parseInput(RestoreInput, input);
  return db.$transaction(async (tx) => {
    const s = await findSubject(tx, incidentSlug, categorySlug);
    const old = await tx.contentVersion.findFirst({ where: { ...subjectWhere(s), version }, select: { body: true } });
    if (!old) throw new AppError("not_found");
    const body = old.body as Prisma.InputJsonObject;
    const data = { body, restoredFrom: version, editedBy: [editorKey(ctx)], editorEmail: ctx.actor.email };
    const { draft } = await currentRows(tx, s);
    if (draft) await tx.contentVersion.update({ where: { id: draft.id }, data });
    else await tx.contentVersion.create({ data: { ...subjectWhere(s), status: "draft", ...data } });
    await recordAudit(tx, { ...actedBy(ctx), action: "content_restored", target: s.target, details: { version } });
    return { version };
  });
}

/** Turns two-person review of an incident's text on or off (an owner's setting). */
export async function setReviewRequired(
  db: Db,
  slug: string,
  input: unknown,
  ctx: AuditCtx,
): Promise<{ reviewRequired: boolean }> {
  const reviewRequired = parseInput(ReviewSettingInput, input).reviewRequired === "on";
  const s = await findSubject(db, slug, null);
  if (s.reviewRequired === reviewRequired) return { reviewRequired };
  await db.$transaction(async (tx) => {
    await tx.incident.update({ where: { id: s.incidentId }, data: { reviewRequired } });
    await recordAudit(tx, {
      ...actedBy(ctx),
      action: "settings_changed",
      target: slug,
      details: { setting: "reviewRequired", value: reviewRequired },
    });
  });
  return { reviewRequired };
}

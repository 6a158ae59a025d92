import type { Prisma } from "@/generated/prisma/client.ts";
import { actedBy, recordAudit, type AuditCtx } from "@/lib/audit/record";
import type { Db } from "@/lib/db/client";
import { changedFields, type CategoryBody, type IncidentBody } from "@/lib/incidents/content";
import { UpdateCategoryInput, UpdateIncidentInput } from "@/lib/incidents/schemas";
import { currentRows, editorKey, findSubject, subjectWhere, type Subject } from "@/lib/incidents/subject";
import { parseInput } from "@/lib/validation/parse-input";

/**
 * Saving edits: the text goes into the subject's one draft, never to customers
 * (docs/adr/0027-reviewed-content.md); publish.ts makes a draft live. Audited with the
 * names of the fields that changed ("en.title", "es.remediation"...), never the texts.
 */

export const dayOf = (d: Date) => d.toISOString().slice(0, 10);

/** Writes `body` as the subject's draft, creating it or adding this editor to it. */
async function saveDraft(
  db: Db,
  s: Subject,
  body: IncidentBody | CategoryBody,
  ctx: AuditCtx,
): Promise<{ changed: string[] }> {
  const { draft, published } = await currentRows(db, s);
  const current = (draft ?? published)?.body as unknown as IncidentBody | CategoryBody | undefined;
  const changed = changedFields(current ?? null, body);
  if (changed.length === 0) return { changed };
  const json = body as unknown as Prisma.InputJsonObject;
  const me = editorKey(ctx);
  await db.$transaction(async (tx) => {
    if (draft) {
      await tx.contentVersion.update({
        where: { id: draft.id },
        data: {
          body: json,
          editorEmail: ctx.actor.email,
          editedBy: draft.editedBy.includes(me) ? draft.editedBy : [...draft.editedBy, me],
        },
      });
    } else {
      await tx.contentVersion.create({
        data: { ...subjectWhere(s), status: "draft", body: json, editedBy: [me], editorEmail: ctx.actor.email },
      });
    }
    await recordAudit(tx, {
      ...actedBy(ctx),
      action: s.categoryId === null ? "incident_edited" : "category_edited",
      target: s.target,
      details: { fields: changed, draft: true },
    });
  });
  return { changed };
}

/** An incident's disclosure date and text in every locale, saved as its draft. */
export async function saveIncidentDraft(db: Db, slug: string, input: unknown, ctx: AuditCtx) {
  const data = parseInput(UpdateIncidentInput, input);
  const s = await findSubject(db, slug, null);
  return saveDraft(db, s, { disclosedAt: dayOf(data.disclosedAt), text: data.text }, ctx);
}

/** A group's order and text in every locale, saved as its draft. */
export async function saveCategoryDraft(
  db: Db,
  incidentSlug: string,
  categorySlug: string,
  input: unknown,
  ctx: AuditCtx,
) {
  const data = parseInput(UpdateCategoryInput, input);
  const s = await findSubject(db, incidentSlug, categorySlug);
  return saveDraft(db, s, { sortOrder: data.sortOrder, text: data.text }, ctx);
}

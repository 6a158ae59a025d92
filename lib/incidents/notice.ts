import { actedBy, recordAudit, type AuditCtx } from "@/lib/audit/record";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { NoticeInput, OfferInput, type Notice, type OfferFields } from "@/lib/incidents/schemas";
import { parseInput } from "@/lib/validation/parse-input";

/**
 * An incident's breach notice (California Civil Code 1798.82; docs/adr/0033-breach-notice.md)
 * and its categories' offers: read for the printable page, edited in the console. Kept
 * apart from lib/incidents/manage.ts so the incident editor can change around it.
 */

const NOTICE_FIELDS = {
  breachStartedOn: true,
  breachEndedOn: true,
  discoveredOn: true,
  noticeOn: true,
  noticeDelayedForLaw: true,
  contactPhone: true,
  contactUrl: true,
  contactMail: true,
  noticeWhatHappened: true,
  noticeWhatInvolved: true,
  noticeWhatWeAreDoing: true,
  noticeWhatYouCanDo: true,
} as const;

const OFFER_FIELDS = {
  exposesIdNumbers: true,
  offerProvider: true,
  offerMonths: true,
  offerEnrollUrl: true,
  offerInstructions: true,
} as const;

export type NoticePage = NonNullable<Awaited<ReturnType<typeof getNotice>>>;

/**
 * Everything the notice page shows, or null. `locale` is the hook for per-locale texts:
 * the stored texts are the incident's one language for now, whatever is asked.
 */
export async function getNotice(db: Db, slug: string, _locale?: string) {
  const incident = await db.incident.findUnique({
    where: { slug },
    select: {
      slug: true,
      title: true,
      summary: true,
      disclosedAt: true,
      ...NOTICE_FIELDS,
      categories: {
        orderBy: [{ sortOrder: "asc" }, { slug: "asc" }],
        select: { slug: true, name: true, dataExposed: true, ...OFFER_FIELDS },
      },
    },
  });
  if (!incident) return null;
  // The bureaus' block belongs on the notice when any group lost an SSN or licence number.
  return { ...incident, listBureaus: incident.categories.some((c) => c.exposesIdNumbers) };
}

/** The notice fields alone, for the console's form. */
export async function getNoticeFields(db: Db, slug: string): Promise<Notice | null> {
  return db.incident.findUnique({ where: { slug }, select: NOTICE_FIELDS });
}

function changedKeys<T extends Record<string, unknown>>(current: T, next: T): string[] {
  const norm = (v: unknown) => (v instanceof Date ? v.getTime() : v);
  return Object.keys(next)
    .filter((k) => norm(current[k]) !== norm(next[k]))
    .sort();
}

/** The notice's dates, delay, contacts and texts. Audited with the names of the fields that changed. */
export async function updateNotice(
  db: Db,
  slug: string,
  input: unknown,
  ctx: AuditCtx,
): Promise<{ changed: string[] }> {
  const data = parseInput(NoticeInput, input);
  const current = await getNoticeFields(db, slug);
  if (!current) throw new AppError("not_found");
  const changed = changedKeys(current, data);
  if (changed.length === 0) return { changed };
  await db.incident.update({ where: { slug }, data });
  await recordAudit(db, { ...actedBy(ctx), action: "notice_edited", target: slug, details: { fields: changed } });
  return { changed };
}

/** A category's offer and ID-number flag. Audited with the names of the fields that changed. */
export async function updateOffer(
  db: Db,
  incidentSlug: string,
  categorySlug: string,
  input: unknown,
  ctx: AuditCtx,
): Promise<{ changed: string[] }> {
  const data: OfferFields = parseInput(OfferInput, input);
  const current = await db.category.findFirst({
    where: { slug: categorySlug, incident: { slug: incidentSlug } },
    select: { id: true, ...OFFER_FIELDS },
  });
  if (!current) throw new AppError("not_found");
  const { id, ...fields } = current;
  const changed = changedKeys(fields, data);
  if (changed.length === 0) return { changed };
  await db.category.update({ where: { id }, data });
  await recordAudit(db, {
    ...actedBy(ctx),
    action: "offer_edited",
    target: `${incidentSlug}/${categorySlug}`,
    details: { fields: changed },
  });
  return { changed };
}

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "");

/**
 * The console forms' values for an incident (strings, as the forms post them): its
 * notice, and each group's offer by slug. Null for an unknown incident.
 */
export async function noticeFormValues(db: Db, slug: string) {
  const n = await getNotice(db, slug);
  if (!n) return null;
  return {
    notice: {
      breachStartedOn: day(n.breachStartedOn),
      breachEndedOn: day(n.breachEndedOn),
      discoveredOn: day(n.discoveredOn),
      noticeOn: day(n.noticeOn),
      noticeDelayedForLaw: n.noticeDelayedForLaw ? "on" : "",
      contactPhone: n.contactPhone ?? "",
      contactUrl: n.contactUrl ?? "",
      contactMail: n.contactMail ?? "",
      noticeWhatHappened: n.noticeWhatHappened ?? "",
      noticeWhatInvolved: n.noticeWhatInvolved ?? "",
      noticeWhatWeAreDoing: n.noticeWhatWeAreDoing ?? "",
      noticeWhatYouCanDo: n.noticeWhatYouCanDo ?? "",
    },
    offers: Object.fromEntries(
      n.categories.map((c) => [
        c.slug,
        {
          exposesIdNumbers: c.exposesIdNumbers ? "on" : "",
          offerProvider: c.offerProvider ?? "",
          offerMonths: c.offerMonths == null ? "" : String(c.offerMonths),
          offerEnrollUrl: c.offerEnrollUrl ?? "",
          offerInstructions: c.offerInstructions ?? "",
        },
      ]),
    ),
  };
}

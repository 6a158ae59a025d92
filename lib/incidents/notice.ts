import type { Prisma } from "@/generated/prisma/client.ts";
import { actedBy, recordAudit, type AuditCtx } from "@/lib/audit/record";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { readCategoryBody, readIncidentBody, resolveText } from "@/lib/incidents/content";
import { SOURCE_LOCALE, TRANSLATION_LOCALES, contentLocale } from "@/lib/incidents/locales";
import {
  NOTICE_TEXT_FIELDS,
  NoticeInput,
  OFFER_TEXT_FIELDS,
  OfferInput,
  type Notice,
  type OfferFields,
} from "@/lib/incidents/schemas";
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

type NoticeTextField = (typeof NOTICE_TEXT_FIELDS)[number];
type OfferTextField = (typeof OFFER_TEXT_FIELDS)[number];
type Locale = (typeof TRANSLATION_LOCALES)[number];
type Translations = Record<string, Record<string, string | null | undefined> | undefined>;

/**
 * A row's JSON column of translations (notice_text, offer_text; ADR 36) with every
 * translation locale present. Written only after NoticeInput or OfferInput accepted it.
 */
function readTranslations<K extends string>(json: unknown, fields: readonly K[]) {
  const stored = (json ?? {}) as Translations;
  return Object.fromEntries(
    TRANSLATION_LOCALES.map((l) => [
      l,
      Object.fromEntries(fields.flatMap((k) => (stored[l]?.[k] ? [[k, stored[l][k]]] : []))),
    ]),
  ) as Record<Locale, Partial<Record<K, string>>>;
}

const pick = <K extends string>(row: Record<K, string | null>, fields: readonly K[]) =>
  Object.fromEntries(fields.map((k) => [k, row[k]])) as Record<K, string | null>;

/** The notice's texts in every locale (English from the columns), as resolveText takes them. */
export const noticeTexts = (row: Record<NoticeTextField, string | null> & { noticeText: unknown }) => ({
  en: pick(row, NOTICE_TEXT_FIELDS),
  ...readTranslations(row.noticeText, NOTICE_TEXT_FIELDS),
});

/** A group's offer instructions in every locale, likewise. */
export const offerTexts = (row: Record<OfferTextField, string | null> & { offerText: unknown }) => ({
  en: pick(row, OFFER_TEXT_FIELDS),
  ...readTranslations(row.offerText, OFFER_TEXT_FIELDS),
});

const published = { where: { status: "published" }, select: { body: true } } as const;

/**
 * Everything the notice page shows in `locale`, or null: the notice's texts and the groups'
 * offer instructions from the row (live), the title, summary and groups' names and data
 * from the published text (ADR 27, 28), each field falling back to English on its own and
 * listed in `fallbackFields` ("notice.noticeWhatHappened", "category.prepaid.name"...).
 */
export async function getNotice(db: Db, slug: string, locale: string = SOURCE_LOCALE) {
  const row = await db.incident.findUnique({
    where: { slug },
    select: {
      slug: true,
      title: true,
      summary: true,
      disclosedAt: true,
      ...NOTICE_FIELDS,
      noticeText: true,
      contents: { ...published, where: { ...published.where, categoryId: null } },
      categories: {
        orderBy: [{ sortOrder: "asc" }, { slug: "asc" }],
        select: { slug: true, name: true, dataExposed: true, ...OFFER_FIELDS, offerText: true, contents: published },
      },
    },
  });
  if (!row) return null;
  const lang = contentLocale(locale);
  const fallbackFields: string[] = [];
  const resolve = <T extends object>(prefix: string, text: Parameters<typeof resolveText<T>>[0]) => {
    const r = resolveText(text, lang);
    fallbackFields.push(...r.fallbackFields.map((f) => `${prefix}.${f}`));
    return r.values;
  };
  const { contents, noticeText, categories, ...incident } = row;
  const own = contents[0]
    ? readIncidentBody(contents[0].body).text
    : { en: { title: row.title, summary: row.summary } };
  const head = resolve("incident", own);
  const texts = resolve("notice", noticeTexts({ ...row, noticeText }));
  const groups = categories.map(({ contents: versions, ...c }) => {
    const body = versions[0] ? readCategoryBody(versions[0].body).text : null;
    const named = body ? resolve(`category.${c.slug}`, body) : c;
    const offer = resolve(`category.${c.slug}`, offerTexts(c));
    const { offerText: _stored, ...group } = c;
    return { ...group, name: named.name, dataExposed: named.dataExposed, ...offer };
  });
  return {
    ...incident,
    title: head.title,
    summary: head.summary,
    ...texts,
    categories: groups,
    locale: lang,
    fallback: fallbackFields.length > 0,
    fallbackFields,
    // The bureaus' block belongs on the notice when any group lost an SSN or licence number.
    listBureaus: categories.some((c) => c.exposesIdNumbers),
  };
}

/** The notice fields alone with their translations, for the console's form and the audit. */
export async function getNoticeFields(db: Db, slug: string): Promise<Notice | null> {
  const row = await db.incident.findUnique({ where: { slug }, select: { ...NOTICE_FIELDS, noticeText: true } });
  return row && { ...row, noticeText: readTranslations(row.noticeText, NOTICE_TEXT_FIELDS) };
}

/** Translations as the form names them ("es.noticeWhatHappened"), null where blank. */
function flatTranslations<K extends string>(text: Translations, fields: readonly K[]) {
  const out: Record<string, string | null> = {};
  for (const l of TRANSLATION_LOCALES) for (const k of fields) out[`${l}.${k}`] = text[l]?.[k] ?? null;
  return out as Record<`${Locale}.${K}`, string | null>;
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
  const { noticeText, ...fields } = data;
  const { noticeText: currentText, ...currentFields } = current;
  const changed = changedKeys(
    { ...currentFields, ...flatTranslations(currentText, NOTICE_TEXT_FIELDS) },
    { ...fields, ...flatTranslations(noticeText, NOTICE_TEXT_FIELDS) },
  );
  if (changed.length === 0) return { changed };
  await db.incident.update({ where: { slug }, data: { ...fields, noticeText: noticeText as Prisma.InputJsonObject } });
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
    select: { id: true, ...OFFER_FIELDS, offerText: true },
  });
  if (!current) throw new AppError("not_found");
  const { id, offerText: currentText, ...currentFields } = current;
  const { offerText, ...fields } = data;
  const changed = changedKeys(
    { ...currentFields, ...flatTranslations(readTranslations(currentText, OFFER_TEXT_FIELDS), OFFER_TEXT_FIELDS) },
    { ...fields, ...flatTranslations(offerText, OFFER_TEXT_FIELDS) },
  );
  if (changed.length === 0) return { changed };
  await db.category.update({ where: { id }, data: { ...fields, offerText: offerText as Prisma.InputJsonObject } });
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
  const n = await getNoticeFields(db, slug);
  if (!n) return null;
  const categories = await db.category.findMany({
    where: { incident: { slug } },
    select: { slug: true, ...OFFER_FIELDS, offerText: true },
  });
  const text = (v: string | null) => v ?? "";
  return {
    notice: {
      breachStartedOn: day(n.breachStartedOn),
      breachEndedOn: day(n.breachEndedOn),
      discoveredOn: day(n.discoveredOn),
      noticeOn: day(n.noticeOn),
      noticeDelayedForLaw: n.noticeDelayedForLaw ? "on" : "",
      contactPhone: text(n.contactPhone),
      contactUrl: text(n.contactUrl),
      contactMail: text(n.contactMail),
      noticeWhatHappened: text(n.noticeWhatHappened),
      noticeWhatInvolved: text(n.noticeWhatInvolved),
      noticeWhatWeAreDoing: text(n.noticeWhatWeAreDoing),
      noticeWhatYouCanDo: text(n.noticeWhatYouCanDo),
      ...formTranslations(n.noticeText, NOTICE_TEXT_FIELDS),
    },
    offers: Object.fromEntries(
      categories.map((c) => [
        c.slug,
        {
          exposesIdNumbers: c.exposesIdNumbers ? "on" : "",
          offerProvider: text(c.offerProvider),
          offerMonths: c.offerMonths == null ? "" : String(c.offerMonths),
          offerEnrollUrl: text(c.offerEnrollUrl),
          offerInstructions: text(c.offerInstructions),
          ...formTranslations(readTranslations(c.offerText, OFFER_TEXT_FIELDS), OFFER_TEXT_FIELDS),
        },
      ]),
    ),
  };
}

const formTranslations = <K extends string>(text: Translations, fields: readonly K[]) =>
  Object.fromEntries(Object.entries(flatTranslations(text, fields)).map(([k, v]) => [k, v ?? ""])) as Record<
    `${Locale}.${K}`,
    string
  >;

import { z } from "zod";
import { LIMITS } from "@/lib/incidents/limits";
import { isBlank } from "@/lib/incidents/content";
import { TRANSLATION_LOCALES, type ContentLocale } from "@/lib/incidents/locales";

/**
 * The console's incident and category inputs, one schema each, shared by the server
 * actions and any API route. Issue messages are i18n keys; the edges translate them.
 */

export { LIMITS };

// Slugs end up in public URLs (/remediation/<incident>/<category>): keep them plain.
export const SLUG_PATTERN = /^[a-z0-9-]{2,60}$/;

const text = (max: number, required: string, tooLong: string) =>
  z
    .string({ error: () => required })
    .trim()
    .min(1, required)
    .max(max, tooLong);

const slug = z
  .string({ error: () => "errors.slug_invalid" })
  .trim()
  .regex(SLUG_PATTERN, "errors.slug_invalid");

// A real calendar day as YYYY-MM-DD (2021-02-30 is refused), stored as UTC midnight.
const day = z
  .string({ error: () => "errors.date_invalid" })
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "errors.date_invalid", abort: true })
  .refine((v) => new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), "errors.date_invalid")
  .transform((v) => new Date(`${v}T00:00:00Z`));

/**
 * A list of short texts: each trimmed, blank entries dropped (an emptied form field
 * removes that entry), then counted. The raw bound stops a flood before any work.
 */
const list = (o: { item: number; items: number; required: string; tooLong: string; tooMany: string }) =>
  z
    .array(
      z
        .string({ error: () => "errors.invalid_request" })
        .trim()
        .max(o.item, o.tooLong),
      { error: () => o.required },
    )
    .max(o.items * 5, o.tooMany)
    .transform((items) => items.filter((s) => s.length > 0))
    .pipe(z.array(z.string()).min(1, o.required).max(o.items, o.tooMany));

const sortOrder = z.coerce
  .number({ error: () => "errors.sort_order_invalid" })
  .int("errors.sort_order_invalid")
  .min(0, "errors.sort_order_invalid")
  .max(LIMITS.sortOrder, "errors.sort_order_invalid");

/**
 * The translatable fields, one schema each (English is required; a translation may leave
 * any field blank and falls back to English per field). Add a field here and it is stored
 * per locale, edited side by side, falls back and counts towards completeness
 * (docs/adr/0028-content-per-locale.md). A field optional in English counts only when set.
 */
export const INCIDENT_FIELDS = {
  title: text(LIMITS.title, "errors.title_required", "errors.title_too_long"),
  summary: text(LIMITS.summary, "errors.summary_required", "errors.summary_too_long"),
};

export const CATEGORY_FIELDS = {
  name: text(LIMITS.name, "errors.name_required", "errors.name_too_long"),
  dataExposed: list({
    item: LIMITS.dataItem,
    items: LIMITS.dataItems,
    required: "errors.data_required",
    tooLong: "errors.data_item_too_long",
    tooMany: "errors.data_too_many",
  }),
  remediation: list({
    item: LIMITS.step,
    items: LIMITS.steps,
    required: "errors.steps_required",
    tooLong: "errors.step_too_long",
    tooMany: "errors.steps_too_many",
  }),
};

type Fields = Record<string, z.ZodType>;
type Text<F extends Fields> = { [K in keyof F]: z.output<F[K]> };
/** Every locale's text of one subject: English whole, the others field by field. */
export type LocalizedText<F extends Fields> = { en: Text<F> } & {
  [L in Exclude<ContentLocale, "en">]: Partial<Text<F>>;
};

/**
 * A flat input ("en.title", "es.title", ... as the editor's form fields are named, so a
 * refusal lands on its field) turned into { ...shared, text: { en, es } }. A blank
 * translation field is left out rather than refused.
 */
function localized<F extends Fields, S extends Fields>(fields: F, shared: S) {
  const shape: Record<string, z.ZodType> = { ...shared };
  for (const [k, schema] of Object.entries(fields)) {
    shape[`en.${k}`] = schema;
    for (const l of TRANSLATION_LOCALES) {
      shape[`${l}.${k}`] = z.preprocess((v) => (isBlank(v) ? undefined : v), schema.optional());
    }
  }
  return z.object(shape).transform((flat) => {
    const out: Record<string, unknown> = {};
    const texts: Record<string, Record<string, unknown>> = { en: {} };
    for (const l of TRANSLATION_LOCALES) texts[l] = {};
    for (const [key, value] of Object.entries(flat)) {
      const dot = key.indexOf(".");
      if (dot < 0) out[key] = value;
      else if (value !== undefined) texts[key.slice(0, dot)]![key.slice(dot + 1)] = value;
    }
    return { ...out, text: texts } as { [K in keyof S]: z.output<S[K]> } & { text: LocalizedText<F> };
  });
}

export const UpdateIncidentInput = localized(INCIDENT_FIELDS, { disclosedAt: day });
export const CreateIncidentInput = localized(INCIDENT_FIELDS, { disclosedAt: day, slug });
export const UpdateCategoryInput = localized(CATEGORY_FIELDS, { sortOrder });
export const CreateCategoryInput = localized(CATEGORY_FIELDS, { sortOrder, slug });

/** Publishing, restoring and deleting name their subject; deleting a group asks twice. */
export const RestoreInput = z.object({
  version: z.coerce
    .number({ error: () => "errors.invalid_request" })
    .int()
    .min(1)
    .max(1_000_000),
});
export const DeleteCategoryInput = z.object({
  confirm: z.literal("yes", { error: () => "errors.confirm_delete" }),
});
export const ReviewSettingInput = z.object({ reviewRequired: z.enum(["on", "off"]) });

export type UpdateIncident = z.output<typeof UpdateIncidentInput>;
export type CreateIncident = z.output<typeof CreateIncidentInput>;
export type UpdateCategory = z.output<typeof UpdateCategoryInput>;
export type CreateCategory = z.output<typeof CreateCategoryInput>;
export type IncidentText = LocalizedText<typeof INCIDENT_FIELDS>;
export type CategoryText = LocalizedText<typeof CATEGORY_FIELDS>;

/** The raw inputs (what a form or a JSON body sends). */
export type UpdateIncidentRaw = z.input<typeof UpdateIncidentInput>;
export type UpdateCategoryRaw = z.input<typeof UpdateCategoryInput>;

// --- The notice (docs/adr/0033-breach-notice.md) and a category's offer (ADR 32) ---

/** A form's empty field as "not set". */
const blankAsNull = (v: unknown) => (typeof v === "string" && v.trim() === "" ? null : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankAsNull, schema.nullable().default(null));
/** A checkbox ("on" when ticked, absent otherwise) or a JSON boolean. */
const flag = z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean());
const https = z
  .string({ error: () => "errors.url_invalid" })
  .trim()
  .max(500, "errors.url_invalid")
  .regex(/^https:\/\/[^\s<>"]+$/, "errors.url_invalid");

const noticeText = optional(text(LIMITS.summary, "errors.invalid_request", "errors.summary_too_long"));
const offerInstructions = optional(text(LIMITS.step, "errors.invalid_request", "errors.step_too_long"));

/** The notice's texts that have a translation per locale (the rest is shared; ADR 36). */
export const NOTICE_TEXT_FIELDS = [
  "noticeWhatHappened",
  "noticeWhatInvolved",
  "noticeWhatWeAreDoing",
  "noticeWhatYouCanDo",
] as const;
/** The offer's only per-locale text: the provider is a product's name, shared like the link. */
export const OFFER_TEXT_FIELDS = ["offerInstructions"] as const;

type Translations<K extends string> = { [L in Exclude<ContentLocale, "en">]: Partial<Record<K, string>> };

/**
 * The translated fields of a live-saved form: "es.noticeWhatHappened"... with the English
 * field's schema (blank = left out, shown in English), gathered by `gather` into
 * { es: { noticeWhatHappened } }, the shape of the row's JSON column.
 */
function translated<K extends string>(fields: readonly K[], schema: z.ZodType<string | null>) {
  const shape: Record<string, z.ZodType<string | null>> = {};
  for (const l of TRANSLATION_LOCALES) for (const k of fields) shape[`${l}.${k}`] = schema;
  const gather = (flat: Record<string, unknown>): Translations<K> => {
    const out = Object.fromEntries(TRANSLATION_LOCALES.map((l) => [l, {}])) as Record<string, Record<string, unknown>>;
    for (const l of TRANSLATION_LOCALES) {
      for (const k of fields) if (flat[`${l}.${k}`] != null) out[l]![k] = flat[`${l}.${k}`];
    }
    return out as Translations<K>;
  };
  return { shape, gather };
}

const noticeTranslations = translated(NOTICE_TEXT_FIELDS, noticeText);
const offerTranslations = translated(OFFER_TEXT_FIELDS, offerInstructions);

/** Drops the flat "es.<field>" keys once gathered. */
const withoutTranslated = <T extends Record<string, unknown>>(o: T) =>
  Object.fromEntries(Object.entries(o).filter(([k]) => !k.includes("."))) as T;

export const NoticeInput = z
  .object({
    breachStartedOn: optional(day),
    breachEndedOn: optional(day),
    discoveredOn: optional(day),
    noticeOn: optional(day),
    noticeDelayedForLaw: flag,
    contactPhone: optional(text(LIMITS.contactPhone, "errors.invalid_request", "errors.contact_too_long")),
    contactUrl: optional(https),
    contactMail: optional(text(LIMITS.contactMail, "errors.invalid_request", "errors.contact_too_long")),
    noticeWhatHappened: noticeText,
    noticeWhatInvolved: noticeText,
    noticeWhatWeAreDoing: noticeText,
    noticeWhatYouCanDo: noticeText,
    ...noticeTranslations.shape,
  })
  .refine((n) => !n.breachStartedOn || !n.breachEndedOn || n.breachStartedOn <= n.breachEndedOn, {
    path: ["breachEndedOn"],
    error: "errors.date_range",
  })
  .transform((n) => ({ ...withoutTranslated(n), noticeText: noticeTranslations.gather(n) }));

export const OfferInput = z
  .object({
    exposesIdNumbers: flag,
    offerProvider: optional(text(LIMITS.name, "errors.invalid_request", "errors.name_too_long")),
    offerMonths: optional(
      z.coerce
        .number({ error: () => "errors.months_invalid" })
        .int("errors.months_invalid")
        .min(1, "errors.months_invalid")
        .max(LIMITS.offerMonths, "errors.months_invalid"),
    ),
    offerEnrollUrl: optional(https),
    offerInstructions,
    ...offerTranslations.shape,
  })
  // An offer is shown whole or not at all.
  .refine(
    (o) =>
      [o.offerProvider, o.offerMonths, o.offerEnrollUrl].every((v) => v === null) ||
      (o.offerProvider !== null && o.offerMonths !== null && o.offerEnrollUrl !== null),
    {
      path: ["offerProvider"],
      error: "errors.offer_incomplete",
    },
  )
  .transform((o) => ({ ...withoutTranslated(o), offerText: offerTranslations.gather(o) }));

export type Notice = z.output<typeof NoticeInput>;
export type OfferFields = z.output<typeof OfferInput>;

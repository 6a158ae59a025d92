import { z } from "zod";
import { LIMITS } from "@/lib/incidents/limits";

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

export const UpdateIncidentInput = z.object({
  title: text(LIMITS.title, "errors.title_required", "errors.title_too_long"),
  disclosedAt: day,
  summary: text(LIMITS.summary, "errors.summary_required", "errors.summary_too_long"),
});

export const CreateIncidentInput = UpdateIncidentInput.extend({ slug });

export const UpdateCategoryInput = z.object({
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
  sortOrder,
});

export const CreateCategoryInput = UpdateCategoryInput.extend({ slug });

export type UpdateIncident = z.output<typeof UpdateIncidentInput>;
export type CreateIncident = z.output<typeof CreateIncidentInput>;
export type UpdateCategory = z.output<typeof UpdateCategoryInput>;
export type CreateCategory = z.output<typeof CreateCategoryInput>;

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
    noticeWhatHappened: optional(text(LIMITS.summary, "errors.invalid_request", "errors.summary_too_long")),
    noticeWhatInvolved: optional(text(LIMITS.summary, "errors.invalid_request", "errors.summary_too_long")),
    noticeWhatWeAreDoing: optional(text(LIMITS.summary, "errors.invalid_request", "errors.summary_too_long")),
    noticeWhatYouCanDo: optional(text(LIMITS.summary, "errors.invalid_request", "errors.summary_too_long")),
  })
  .refine((n) => !n.breachStartedOn || !n.breachEndedOn || n.breachStartedOn <= n.breachEndedOn, {
    path: ["breachEndedOn"],
    error: "errors.date_range",
  });

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
    offerInstructions: optional(text(LIMITS.step, "errors.invalid_request", "errors.step_too_long")),
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
  );

export type Notice = z.output<typeof NoticeInput>;
export type OfferFields = z.output<typeof OfferInput>;

import { z } from "zod";

/**
 * An identity-protection offer. `code` is present only on a verified check (the number was
 * proven with a texted code; docs/adr/0032-offer-codes.md): the activation code handed
 * to that number, the same on every later check, or null when the pool has run out.
 * Open mode, the integration API and the agent lookup leave it out unless one was
 * handed out already (the agent lookup shows it then).
 */
export const OfferSchema = z.object({
  provider: z.string().meta({ examples: ["McAfee ID Theft Protection"] }),
  durationMonths: z
    .number()
    .int()
    .meta({ examples: [24] }),
  enrollUrl: z.string().meta({ description: "Where to enrol with the code." }),
  instructions: z.string().meta({ description: "How to enrol (markdown)." }),
  code: z
    .string()
    .nullable()
    .optional()
    .meta({ description: "The activation code; null: none left (the customer is told how to get one)." }),
});

/** The answer to a check, shared by the API, the pages and the integration API. */
export const ExposureSchema = z.object({
  incident: z.object({
    slug: z.string(),
    title: z.string(),
    disclosedAt: z.string().meta({ description: "YYYY-MM-DD", examples: ["2021-08-17"] }),
  }),
  category: z.object({
    slug: z.string(),
    name: z.string().meta({ description: "The group of affected accounts, e.g. Prepaid customers." }),
    dataExposed: z.array(z.string()).meta({ description: "What was exposed for this group." }),
  }),
  remediationUrl: z.string().meta({ description: "Path of the page that says what this group should do." }),
  noticeUrl: z.string().meta({ description: "Path of the incident's printable breach notice." }),
  offer: OfferSchema.nullable().meta({ description: "The identity-protection offer for this group, or null." }),
});

export const ExposureResultSchema = z.object({
  phone: z.string().meta({ description: "The number in E.164 form.", examples: ["+12065550100"] }),
  affected: z.boolean().meta({ description: "Whether the number is in any completed list of affected accounts." }),
  exposures: z
    .array(ExposureSchema)
    .meta({ description: "One entry per incident and group; empty when not affected." }),
});

export type Exposure = z.infer<typeof ExposureSchema>;
export type Offer = z.infer<typeof OfferSchema>;
export type ExposureResult = z.infer<typeof ExposureResultSchema>;

import { z } from "zod";

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
});

export const ExposureResultSchema = z.object({
  phone: z.string().meta({ description: "The number in E.164 form.", examples: ["+12065550100"] }),
  affected: z.boolean().meta({ description: "Whether the number is in any completed list of affected accounts." }),
  exposures: z
    .array(ExposureSchema)
    .meta({ description: "One entry per incident and group; empty when not affected." }),
});

export type Exposure = z.infer<typeof ExposureSchema>;
export type ExposureResult = z.infer<typeof ExposureResultSchema>;

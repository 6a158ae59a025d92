import { z } from "zod";

/** The answer to a check, shared by the API, the pages and (later) the integration API. */
export const ExposureSchema = z.object({
  incident: z.object({ slug: z.string(), title: z.string(), disclosedAt: z.string() }),
  category: z.object({ slug: z.string(), name: z.string(), dataExposed: z.array(z.string()) }),
  remediationUrl: z.string(),
});

export const ExposureResultSchema = z.object({
  phone: z.string(),
  affected: z.boolean(),
  exposures: z.array(ExposureSchema),
});

export type Exposure = z.infer<typeof ExposureSchema>;
export type ExposureResult = z.infer<typeof ExposureResultSchema>;

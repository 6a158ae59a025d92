import type { z } from "zod";
import { CheckCodeSentSchema, CheckCompleteSchema, ErrorBodySchema, type ErrorBody } from "@/lib/api/responses";
import { AppError, type ErrorCode, type ErrorDetails } from "@/lib/errors";
import { ExposureResultSchema, type ExposureResult } from "@/lib/exposures/types";
import { errorBody } from "@/lib/http/respond";
import { DEMO_CATEGORIES, DEMO_INCIDENT } from "@/lib/incidents/demo-data";
import { remediationPath } from "@/lib/incidents/paths";

/**
 * Examples for the OpenAPI document, made from the demo data and the real error
 * messages, and parsed by their own schemas so they can never drift from them.
 */

function checked<S extends z.ZodType>(schema: S, value: z.output<S>): z.output<S> {
  schema.parse(value);
  return value;
}

const prepaid = DEMO_CATEGORIES.find((c) => c.slug === "prepaid")!;

export const affectedExample: ExposureResult = checked(ExposureResultSchema, {
  phone: "+12065550100",
  affected: true,
  exposures: [
    {
      incident: {
        slug: DEMO_INCIDENT.slug,
        title: DEMO_INCIDENT.title,
        disclosedAt: DEMO_INCIDENT.disclosedAt.toISOString().slice(0, 10),
      },
      category: { slug: prepaid.slug, name: prepaid.name, dataExposed: [...prepaid.dataExposed] },
      remediationUrl: remediationPath(DEMO_INCIDENT.slug, prepaid.slug),
    },
  ],
});

export const notAffectedExample: ExposureResult = checked(ExposureResultSchema, {
  phone: "+12065550199",
  affected: false,
  exposures: [],
});

export const codeSentExample = checked(CheckCodeSentSchema, {
  checkId: "hJ3kQ9xV2mN7pL4rT8wZ1a",
  status: "code_sent",
  expiresAt: "2026-11-24T12:10:00.000Z",
});

export const completeExample = checked(CheckCompleteSchema, { status: "complete", result: affectedExample });

/** The body the API sends for this error, with its real message. */
export function errorExample(code: ErrorCode, details: ErrorDetails = {}): ErrorBody {
  return checked(ErrorBodySchema, errorBody(new AppError(code, details)));
}

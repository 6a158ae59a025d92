import type { z } from "zod";
import {
  ChallengeSchema,
  CheckCodeSentSchema,
  CheckCompleteSchema,
  ErrorBodySchema,
  type ErrorBody,
} from "@/lib/api/responses";
import { AppError, type ErrorCode, type ErrorDetails } from "@/lib/errors";
import { ExposureResultSchema, type ExposureResult } from "@/lib/exposures/types";
import { errorBody } from "@/lib/http/respond";
import { DEMO_CATEGORIES, DEMO_INCIDENT } from "@/lib/incidents/demo-data";
import { noticePath, remediationPath } from "@/lib/incidents/paths";

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
      noticeUrl: noticePath(DEMO_INCIDENT.slug),
      // Without a code: the integration API and open mode hand none out (ADR 32).
      offer: {
        provider: prepaid.offerProvider,
        durationMonths: prepaid.offerMonths,
        enrollUrl: prepaid.offerEnrollUrl,
        instructions: prepaid.offerInstructions,
      },
    },
  ],
});

/** A verified check's result: each offer carries the number's own activation code. */
const verifiedExample: ExposureResult = checked(ExposureResultSchema, {
  ...affectedExample,
  exposures: affectedExample.exposures.map((x) => ({
    ...x,
    offer: x.offer && { ...x.offer, code: "DEMO-PREPAID-0001" },
  })),
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

export const completeExample = checked(CheckCompleteSchema, { status: "complete", result: verifiedExample });

/** A challenge as GET /api/v1/challenge answers (values shortened from a real one). */
export const challengeExample = checked(ChallengeSchema, {
  parameters: {
    algorithm: "PBKDF2/SHA-256",
    nonce: "5f0b1c8e9a2d4f6b8c0e1a3c5e7f9b1d",
    salt: "a1c3e5f7b9d1f3a5c7e9b1d3f5a7c9e1",
    cost: 1000,
    keyLength: 32,
    keyPrefix: "3f9a2c",
    keySignature: "0d4c7b1e9f2a5c8e1b4d7f0a3c6e9b2d5f8a1c4e7b0d3f6a9c2e5b8d1f4a7c0e",
    expiresAt: 1795953000,
  },
  signature: "7e2b5d8f1a4c7e0b3d6f9a2c5e8b1d4f7a0c3e6b9d2f5a8c1e4b7d0f3a6c9e2b",
});

/** The body the API sends for this error, with its real message. */
export function errorExample(code: ErrorCode, details: ErrorDetails = {}): ErrorBody {
  return checked(ErrorBodySchema, errorBody(new AppError(code, details)));
}

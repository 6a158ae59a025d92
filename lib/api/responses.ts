import { z } from "zod";
import { ERROR_STATUS, type ErrorCode } from "@/lib/errors";
import { ExposureResultSchema } from "@/lib/exposures/types";

/**
 * What the public API answers, as zod schemas: the routes type their bodies with them
 * and the OpenAPI document (lib/http/openapi/document.ts) is generated from them.
 */

export const CheckCodeSentSchema = z.object({
  checkId: z.string().meta({ description: "Bearer token for the verification step, valid 10 minutes." }),
  status: z.literal("code_sent"),
  expiresAt: z.iso.datetime().meta({ description: "When the code stops working." }),
});

export const CheckCompleteSchema = z.object({
  status: z.literal("complete"),
  result: ExposureResultSchema,
});

/**
 * A proof-of-work challenge as altcha-lib v2 makes it (GET /api/v1/challenge; lib/challenge/).
 * Made afresh for each use, so the Error component holds its own copy, not a $ref.
 */
const challengeSchema = () =>
  z
    .object({
      parameters: z.object({
        algorithm: z.string().meta({ description: "PBKDF2/SHA-256." }),
        nonce: z.string(),
        salt: z.string(),
        cost: z.number().int(),
        keyLength: z.number().int(),
        keyPrefix: z.string(),
        keySignature: z.string().optional(),
        memoryCost: z.number().int().optional(),
        parallelism: z.number().int().optional(),
        expiresAt: z.number().int().optional().meta({ description: "Unix seconds." }),
        data: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).optional(),
      }),
      signature: z.string().optional(),
    })
    .meta({
      description:
        "Solve it with the ALTCHA widget or altcha-lib's solver and send the base64 payload as `altcha` when starting a check.",
    });

export const ChallengeSchema = challengeSchema();

export const HealthSchema = z.object({ status: z.literal("ok") });

const ERROR_CODES = Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]];

/** The body of every error (lib/http/respond.ts). */
export const ErrorBodySchema = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES).meta({ description: "Stable, machine-readable; its HTTP status is fixed." }),
    message: z.string().meta({ description: "For people, in the user's language." }),
    fields: z.record(z.string(), z.string()).optional().meta({ description: "Refused input field → why." }),
    problem: z
      .string()
      .optional()
      .meta({ description: "Why a phone number was refused (too_short, invalid_number, …)." }),
    retryAfterSeconds: z.number().int().optional().meta({ description: "With 429, as in the Retry-After header." }),
    attemptsRemaining: z.number().int().optional().meta({ description: "With code_incorrect." }),
    challenge: challengeSchema().optional().meta({ description: "With challenge_required: a fresh challenge." }),
  }),
});

export type CheckCodeSent = z.infer<typeof CheckCodeSentSchema>;
export type CheckComplete = z.infer<typeof CheckCompleteSchema>;
export type Health = z.infer<typeof HealthSchema>;
export type ChallengeBody = z.infer<typeof ChallengeSchema>;
export type ErrorBody = z.infer<typeof ErrorBodySchema>;

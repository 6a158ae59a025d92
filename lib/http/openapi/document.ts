import { z } from "zod";
import {
  ChallengeSchema,
  CheckCodeSentSchema,
  CheckCompleteSchema,
  ErrorBodySchema,
  HealthSchema,
} from "@/lib/api/responses";
import { checkIdSchema, startCheckSchema, verifyCheckSchema } from "@/lib/checks/schemas";
import type { ErrorCode } from "@/lib/errors";
import { lookupSchema } from "@/lib/exposures/schemas";
import { ExposureResultSchema } from "@/lib/exposures/types";
import {
  affectedExample,
  challengeExample,
  codeSentExample,
  completeExample,
  errorExample,
  notAffectedExample,
} from "@/lib/http/openapi/examples";

/**
 * The OpenAPI 3.1 document of the public API, generated from the zod schemas the routes
 * validate and answer with (z.toJSONSchema, JSON Schema 2020-12 as OpenAPI 3.1 uses).
 * Served at /api/v1/openapi.json and rendered at /docs/api. Descriptions are English,
 * like the document's other readers' tools expect.
 */

type JsonSchema = Record<string, unknown>;
type Response = {
  description: string;
  schema: string;
  examples?: Record<string, unknown>;
  headers?: Record<string, unknown>;
};
type Operation = {
  summary: string;
  description: string;
  tags: string[];
  parameters?: { name: string; in: "path"; description: string; schema: JsonSchema; example: string }[];
  requestBody?: { schema: string; example: unknown };
  responses: Record<string, Response>;
  apiKey?: boolean;
  deprecated?: boolean;
};

const REF = (id: string) => `#/components/schemas/${id}`;

/** Components from zod: requests as they are sent (input), responses as they are answered (output). */
function components(region: string): Record<string, JsonSchema> {
  const requests = z.registry<{ id: string }>();
  requests.add(startCheckSchema(region), { id: "StartCheckRequest" });
  requests.add(verifyCheckSchema, { id: "VerifyCheckRequest" });
  requests.add(lookupSchema(region), { id: "LookupRequest" });
  const responses = z.registry<{ id: string }>();
  responses.add(ExposureResultSchema, { id: "ExposureResult" });
  responses.add(CheckCodeSentSchema, { id: "CheckCodeSent" });
  responses.add(CheckCompleteSchema, { id: "CheckComplete" });
  responses.add(ErrorBodySchema, { id: "Error" });
  responses.add(HealthSchema, { id: "Health" });
  responses.add(ChallengeSchema, { id: "Challenge" });
  return {
    ...z.toJSONSchema(requests, { io: "input", uri: REF }).schemas,
    ...z.toJSONSchema(responses, { io: "output", uri: REF }).schemas,
  } as Record<string, JsonSchema>;
}

/** A component or parameter schema without the keywords that only a standalone document needs. */
function bare(schema: JsonSchema): JsonSchema {
  const { $schema: _s, $id: _i, ...rest } = schema;
  return rest;
}

const error = (description: string, ...codes: [ErrorCode, Parameters<typeof errorExample>[1]?][]): Response => ({
  description,
  schema: "Error",
  examples: Object.fromEntries(codes.map(([code, details]) => [code, errorExample(code, details)])),
});

const invalidPhone = error("The number is not a valid phone number; `problem` says why.", [
  "invalid_phone",
  { fields: { phone: "phone.too_short" }, problem: "too_short" },
]);
const limited = error("Too many requests; retry after `Retry-After` seconds.", [
  "rate_limited",
  { retryAfterSeconds: 60 },
]);
const retryAfter = {
  "Retry-After": { description: "Seconds until a new try may succeed.", schema: { type: "integer" } },
};
// The check API words a result as it words its errors: by Accept-Language (ADR 29, 36).
const contentLanguage = {
  "Content-Language": {
    description:
      "The result's language, by Accept-Language (en or es; else en): incident titles, group names and data, and the offer's instructions. A text not yet translated is in English.",
    schema: { type: "string", enum: ["en", "es"] },
  },
};

function operations(region: string): Record<string, Record<string, Operation>> {
  const phone = bare(z.toJSONSchema(lookupSchema(region).shape.phone, { io: "input" }) as JsonSchema);
  const lookupResponses: Record<string, Response> = {
    "200": {
      description: "The result, as the check API gives it, its texts always in English.",
      schema: "ExposureResult",
      examples: { affected: affectedExample, not_affected: notAffectedExample },
    },
    "400": invalidPhone,
    "401": {
      ...error("No API key, or one that is not valid or was revoked.", ["api_key_required"], ["invalid_api_key"]),
      headers: {
        "WWW-Authenticate": {
          description: 'Bearer realm="exposure-check" (with error="invalid_token" for a refused key)',
          schema: { type: "string" },
        },
      },
    },
    "429": limited,
  };
  return {
    "/api/v1/checks": {
      post: {
        summary: "Start a check",
        description:
          "Normalizes the number and, in verified mode, texts it a one-time code: the answer is the same for every valid number, affected or not. In open mode (demos) it answers with the result at once. Before a text, the number must be a mobile number in a region the carrier serves (422 number_not_supported; under the demo outbox only 555-0100 to 555-0199: 422 demo_numbers_only), a solved proof-of-work challenge may be required (403 challenge_required with a fresh `challenge`: solve it and send the payload as `altcha`), and the hour's send budgets must not be spent (503 sms_paused). None of these depends on whether the number is affected.",
        tags: ["Checks"],
        requestBody: { schema: "StartCheckRequest", example: { phone: "(206) 555-0100" } },
        responses: {
          "202": {
            description: "Verified mode: a code was sent.",
            schema: "CheckCodeSent",
            examples: { code_sent: codeSentExample },
          },
          "200": {
            description: "Open mode: the result.",
            schema: "CheckComplete",
            examples: { complete: completeExample },
            headers: contentLanguage,
          },
          "400": invalidPhone,
          "403": error("A solved challenge is required: missing, invalid, expired or used already.", [
            "challenge_required",
            { challenge: challengeExample },
          ]),
          "413": error("The body is over 16 kB.", ["payload_too_large"]),
          "415": error("The body is not JSON.", ["unsupported_media_type"]),
          "422": error("No code can be texted to this number here.", ["number_not_supported"], ["demo_numbers_only"]),
          "429": limited,
          "503": {
            ...error("Texts are paused: a send budget is spent, or an owner paused them.", [
              "sms_paused",
              { retryAfterSeconds: 1800 },
            ]),
            headers: retryAfter,
          },
        },
      },
    },
    "/api/v1/checks/{checkId}/verify": {
      post: {
        summary: "Verify the code and get the result",
        description:
          "The code texted to the number: 6 digits, valid 10 minutes, 5 tries, once. The right code answers with the result.",
        tags: ["Checks"],
        parameters: [
          {
            name: "checkId",
            in: "path",
            description: "From the start of the check.",
            schema: bare(z.toJSONSchema(checkIdSchema, { io: "input" }) as JsonSchema),
            example: codeSentExample.checkId,
          },
        ],
        requestBody: { schema: "VerifyCheckRequest", example: { code: "123456" } },
        responses: {
          "200": {
            description: "The result.",
            schema: "CheckComplete",
            examples: { complete: completeExample },
            headers: contentLanguage,
          },
          "400": error(
            "Wrong or malformed code.",
            ["code_incorrect", { attemptsRemaining: 4 }],
            ["invalid_request", { fields: { code: "errors.code_format" } }],
          ),
          "404": error("Unknown check.", ["check_not_found"]),
          "409": error("The code was used already.", ["code_used"]),
          "410": error("The code expired, or too many wrong codes.", ["code_expired"], ["code_exhausted"]),
          "429": error(
            "Too many requests, or too many wrong codes for this number today (every check of it, the right code included); retry after `Retry-After` seconds.",
            ["rate_limited", { retryAfterSeconds: 60 }],
          ),
        },
      },
    },
    "/api/v1/exposures/lookup": {
      post: {
        summary: "Look a signed-in customer's number up (integration API)",
        description:
          "For the carrier's own servers, e.g. its account login page once the customer has signed in: the result at once, without a one-time code (the carrier has authenticated the customer). The number goes in the body, so it stays out of URLs and the logs of proxies on the way. Needs an API key created by an owner in the console. Every call is recorded in the audit log, without the number. Rate-limited per key; refused keys are limited per client address.",
        tags: ["Integration"],
        apiKey: true,
        requestBody: { schema: "LookupRequest", example: { phone: "+12065550100" } },
        responses: {
          ...lookupResponses,
          "413": error("The body is over 16 kB.", ["payload_too_large"]),
          "415": error("The body is not JSON.", ["unsupported_media_type"]),
        },
      },
    },
    "/api/v1/exposures/{phone}": {
      get: {
        summary: "Look a number up by its URL (deprecated: use POST /api/v1/exposures/lookup)",
        description:
          "The same key check, result and audit as POST /api/v1/exposures/lookup, with the number in the path, where proxies, CDNs and WAFs log it beside the response. Kept for existing integrations; new ones use the POST.",
        deprecated: true,
        tags: ["Integration"],
        apiKey: true,
        parameters: [
          {
            name: "phone",
            in: "path",
            description: "The number in any format the check accepts; URL-encode it (+ as %2B).",
            schema: phone,
            example: "+12065550100",
          },
        ],
        responses: lookupResponses,
      },
    },
    "/api/v1/challenge": {
      get: {
        summary: "Get a proof-of-work challenge",
        description:
          "An ALTCHA challenge (altcha-lib v2, PBKDF2/SHA-256) for starting a check when one is required. Solve it with the ALTCHA widget or altcha-lib's solver; the base64 payload goes in the start's `altcha` field. A solution works once and expires with its challenge (10 minutes).",
        tags: ["Checks"],
        responses: {
          "200": { description: "A fresh challenge.", schema: "Challenge", examples: { challenge: challengeExample } },
        },
      },
    },
    "/api/health": {
      get: {
        summary: "Liveness",
        description:
          "200 while the process serves requests. It does not touch the database (readiness for traffic is GET /api/ready).",
        tags: ["Operations"],
        responses: {
          "200": { description: "The process is up.", schema: "Health", examples: { ok: { status: "ok" } } },
        },
      },
    },
  };
}

function toOpenApi(op: Operation): Record<string, unknown> {
  const content = (schema: string, examples?: Record<string, unknown>) => ({
    "application/json": {
      schema: { $ref: REF(schema) },
      ...(examples
        ? { examples: Object.fromEntries(Object.entries(examples).map(([k, value]) => [k, { value }])) }
        : {}),
    },
  });
  return {
    summary: op.summary,
    description: op.description,
    tags: op.tags,
    security: op.apiKey ? [{ apiKey: [] }] : [],
    ...(op.deprecated ? { deprecated: true } : {}),
    ...(op.parameters ? { parameters: op.parameters.map((p) => ({ ...p, required: true })) } : {}),
    ...(op.requestBody
      ? {
          requestBody: { required: true, content: content(op.requestBody.schema, { example: op.requestBody.example }) },
        }
      : {}),
    responses: Object.fromEntries(
      Object.entries(op.responses).map(([status, r]) => [
        status,
        {
          description: r.description,
          ...(r.headers ? { headers: r.headers } : {}),
          content: content(r.schema, r.examples),
        },
      ]),
    ),
  };
}

export type OpenApiDocument = ReturnType<typeof buildOpenApiDocument>;

/** The whole document; `region` is the default region the phone schema normalizes with. */
export function buildOpenApiDocument(region = "US") {
  const ops = operations(region);
  return {
    openapi: "3.1.0",
    info: {
      title: "Exposure Check API",
      version: "1.0.0",
      description:
        'Whether a phone number was in a breach\'s lists of affected accounts, and what to do. Errors are always `{"error": {"code", "message", …}}`.',
    },
    servers: [{ url: "/" }],
    tags: [
      { name: "Checks", description: "The public check: a one-time code proves the number is yours." },
      { name: "Integration", description: "For the carrier's servers, with an API key." },
      { name: "Operations", description: "For monitoring." },
    ],
    paths: Object.fromEntries(
      Object.entries(ops).map(([path, methods]) => [
        path,
        Object.fromEntries(Object.entries(methods).map(([m, op]) => [m, toOpenApi(op)])),
      ]),
    ),
    components: {
      schemas: Object.fromEntries(Object.entries(components(region)).map(([id, s]) => [id, bare(s)])),
      securitySchemes: {
        apiKey: {
          type: "http",
          scheme: "bearer",
          bearerFormat: "ek_live_ followed by 43 characters",
          description:
            "An API key created by an owner in the console (/admin/api-keys) or with `npm run admin -- create-api-key`.",
        },
      },
    },
  };
}

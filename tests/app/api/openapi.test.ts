// The OpenAPI document: valid 3.1, every public path, and generated from the zod schemas
// the routes use (a field added to a schema shows up in it).
import { Validator } from "@seriousme/openapi-schema-validator";
import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { GET as openApiRoute } from "@/app/api/v1/openapi.json/route";
import { ChallengeSchema, ErrorBodySchema } from "@/lib/api/responses";
import { startCheckSchema } from "@/lib/checks/schemas";
import { lookupSchema } from "@/lib/exposures/schemas";
import { ExposureResultSchema } from "@/lib/exposures/types";
import { buildOpenApiDocument } from "@/lib/http/openapi/document";
import { noParams, setEnv } from "@/tests/support/api";

type Doc = ReturnType<typeof buildOpenApiDocument>;
const bare = (schema: object) => {
  const { $schema: _s, ...rest } = schema as Record<string, unknown>;
  return rest;
};

async function served(): Promise<Doc> {
  setEnv({ RATE_LIMITS: "off" });
  const res = await openApiRoute(new Request("http://localhost/api/v1/openapi.json"), noParams);
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toMatch(/^application\/json/);
  return (await res.json()) as Doc;
}

describe("GET /api/v1/openapi.json", () => {
  afterEach(() => {
    vi.doUnmock("@/lib/exposures/types");
    vi.resetModules();
  });

  it("is a valid OpenAPI 3.1 document", async () => {
    const doc = await served();
    expect(doc.openapi).toMatch(/^3\.1\./);
    const validator = new Validator();
    expect(await validator.validate(doc as never)).toEqual({ valid: true });
    expect(validator.version).toBe("3.1");
    // The validator does refuse a broken one.
    const broken = structuredClone(doc) as unknown as { paths: Record<string, Record<string, { responses: unknown }>> };
    broken.paths["/api/health"]!.get!.responses = { "200": { content: {} } };
    expect((await new Validator().validate(broken as never)).valid).toBe(false);
  });

  it("lists the public paths, the bearer scheme on the integration path only, and the error shape", async () => {
    const doc = await served();
    expect(Object.keys(doc.paths).sort()).toEqual([
      "/api/health",
      "/api/v1/challenge",
      "/api/v1/checks",
      "/api/v1/checks/{checkId}/verify",
      "/api/v1/exposures/lookup",
      "/api/v1/exposures/{phone}",
    ]);
    const ops = doc.paths as unknown as Record<
      string,
      Record<
        string,
        {
          security: unknown[];
          responses: Record<string, { content: { "application/json": { schema: { $ref: string } } } }>;
        }
      >
    >;
    expect(doc.components.securitySchemes.apiKey).toMatchObject({ type: "http", scheme: "bearer" });
    expect(ops["/api/v1/exposures/{phone}"]!.get!.security).toEqual([{ apiKey: [] }]);
    expect(ops["/api/v1/checks"]!.post!.security).toEqual([]);
    const exposures = ops["/api/v1/exposures/{phone}"]!.get!.responses;
    expect(Object.keys(exposures)).toEqual(["200", "400", "401", "429"]);
    expect(exposures["200"]!.content["application/json"].schema).toEqual({
      $ref: "#/components/schemas/ExposureResult",
    });
    for (const status of ["400", "401", "429"])
      expect(exposures[status]!.content["application/json"].schema).toEqual({ $ref: "#/components/schemas/Error" });
    // The start's refusals before a text (ADR 17), and where a challenge comes from.
    expect(Object.keys(ops["/api/v1/checks"]!.post!.responses)).toEqual(expect.arrayContaining(["403", "422", "503"]));
    expect(ops["/api/v1/challenge"]!.get!.responses["200"]!.content["application/json"].schema).toEqual({
      $ref: "#/components/schemas/Challenge",
    });
  });

  it("offers the lookup as a POST with the number in the body and marks the GET deprecated", async () => {
    const doc = await served();
    const ops = doc.paths as unknown as Record<
      string,
      Record<
        string,
        {
          deprecated?: boolean;
          security: unknown[];
          parameters?: unknown[];
          requestBody?: { content: { "application/json": { schema: { $ref: string } } } };
          responses: Record<string, unknown>;
        }
      >
    >;
    const post = ops["/api/v1/exposures/lookup"]!.post!;
    const get = ops["/api/v1/exposures/{phone}"]!.get!;
    expect(get.deprecated).toBe(true);
    expect(post.deprecated).toBeUndefined();
    expect(ops["/api/v1/checks"]!.post!.deprecated).toBeUndefined();
    expect(post.security).toEqual([{ apiKey: [] }]);
    expect(post.parameters).toBeUndefined();
    expect(post.requestBody!.content["application/json"].schema).toEqual({
      $ref: "#/components/schemas/LookupRequest",
    });
    expect(doc.components.schemas.LookupRequest).toEqual(bare(z.toJSONSchema(lookupSchema("US"), { io: "input" })));
    expect(Object.keys(post.responses)).toEqual(["200", "400", "401", "413", "415", "429"]);
    expect(post.responses["200"]).toEqual(get.responses["200"]);
  });

  it("takes its schemas from zod", async () => {
    const doc = buildOpenApiDocument();
    expect(doc.components.schemas.ExposureResult).toEqual(bare(z.toJSONSchema(ExposureResultSchema)));
    expect(doc.components.schemas.Error).toEqual(bare(z.toJSONSchema(ErrorBodySchema)));
    expect(doc.components.schemas.Challenge).toEqual(bare(z.toJSONSchema(ChallengeSchema)));
    expect(doc.components.schemas.StartCheckRequest).toEqual(
      bare(z.toJSONSchema(startCheckSchema("US"), { io: "input" })),
    );
    const phone = (doc.paths["/api/v1/exposures/{phone}"]!.get as unknown as { parameters: { schema: unknown }[] })
      .parameters[0]!.schema;
    expect(phone).toEqual(bare(z.toJSONSchema(lookupSchema("US").shape.phone, { io: "input" })));
  });

  async function buildWith(extra: z.ZodRawShape) {
    vi.resetModules();
    vi.doMock("@/lib/exposures/types", async (importOriginal) => {
      const original = await importOriginal<typeof import("@/lib/exposures/types")>();
      return { ...original, ExposureResultSchema: original.ExposureResultSchema.extend(extra) };
    });
    return (await import("@/lib/http/openapi/document")).buildOpenApiDocument;
  }

  it("shows a field added to a schema", async () => {
    const build = await buildWith({ addedInTest: z.string().max(9).optional().meta({ description: "New." }) });
    const schema = build().components.schemas.ExposureResult as {
      properties: Record<string, unknown>;
      required: string[];
    };
    expect(schema.properties.addedInTest).toEqual({ type: "string", maxLength: 9, description: "New." });
    expect(schema.required).not.toContain("addedInTest");
  });

  it("refuses to build when an example no longer fits its schema", async () => {
    await expect(buildWith({ requiredInTest: z.string() })).rejects.toThrow(/requiredInTest/);
  });

  it("gives examples that the schemas accept, with the real error messages", async () => {
    const doc = await served();
    const body = JSON.stringify(doc);
    expect(body).toContain("This API key is not valid or has been revoked.");
    // number_not_supported names the configured support contact.
    expect(body).toContain("contact our customer support.");
    const get = doc.paths["/api/v1/exposures/{phone}"]!.get as unknown as {
      responses: Record<string, { content: { "application/json": { examples: Record<string, { value: unknown }> } } }>;
    };
    for (const { value } of Object.values(get.responses["200"]!.content["application/json"].examples)) {
      expect(ExposureResultSchema.strict().safeParse(value).success).toBe(true);
    }
  });
});

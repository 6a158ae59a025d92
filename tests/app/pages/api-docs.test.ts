// /docs/api: the API reference, server-rendered from the OpenAPI document.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import ApiDocsPage from "@/app/docs/api/page";
import { buildOpenApiDocument } from "@/lib/http/openapi/document";
import { setEnv } from "@/tests/support/api";
import { render } from "@/tests/support/pages";

// connection() only marks the page dynamic; outside a Next request it would throw.
vi.mock("next/server", async (importOriginal) => ({ ...(await importOriginal<object>()), connection: async () => {} }));

describe("/docs/api", () => {
  beforeAll(() => setEnv({ RATE_LIMITS: "off" }));
  afterAll(() => setEnv({ RATE_LIMITS: "on" }));

  it("shows every operation with its parameters, bodies, responses, examples and the schemas", async () => {
    const html = (await render(ApiDocsPage())).replaceAll("&#x27;", "'");
    const doc = buildOpenApiDocument();
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods as Record<string, { summary: string }>)) {
        expect(html).toContain(`${method.toUpperCase()} ${path}`);
        expect(html).toContain(op.summary);
      }
    }
    for (const id of Object.keys(doc.components.schemas)) expect(html).toContain(`id="schema-${id}"`);
    expect(html).toContain('href="/api/v1/openapi.json"');
    expect(html).toContain("Authorization: Bearer ek_live_…");
    // Parameters, an example body and an example answer, and a nested schema's fields.
    expect(html).toMatch(/<th scope="row" class="[^"]*">phone<\/th>/);
    expect(html).toContain("&quot;code&quot;: &quot;123456&quot;");
    expect(html).toContain("&quot;remediationUrl&quot;: &quot;/remediation/2021-08-cyberattack/prepaid&quot;");
    expect(html).toContain("dataExposed");
    expect(html).toContain('href="/demo/account"');
    // Server-rendered: no script of its own, nothing from elsewhere.
    expect(html).not.toMatch(/<script|https?:\/\/(?!json-schema|www\.mcafee\.com\/activatetmobile)/);
  });
});

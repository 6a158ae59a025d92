// A lookup-only process's handler (LOOKUP_PORT) on a real HTTP server: the integration
// lookup goes to its endpoint, the probe answers, every other request gets 404 and never
// reaches the endpoint.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ExposureRequest } from "@/lib/http/exposures-endpoint";
import { leanExposures } from "@/lib/http/lean-server";
import { lookupOnly } from "@/lib/http/lookup-only";

const seen: ExposureRequest[] = [];
let server: Server;
let base: string;

beforeAll(async () => {
  const lean = leanExposures(
    async (req) => {
      seen.push(req);
      return { status: 200, body: { affected: false }, headers: { "cache-control": "no-store" } };
    },
    { production: true, trustProxyHops: 0 },
  );
  server = createServer(lookupOnly(lean, { production: true }));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("lookupOnly", () => {
  it("hands the integration lookup to its endpoint", async () => {
    const res = await fetch(`${base}/api/v1/exposures/%2B12065550100`, { headers: { authorization: "Bearer k" } });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ affected: false });
    expect(seen.at(-1)).toMatchObject({ authorization: "Bearer k", segment: "%2B12065550100" });
  });

  it("answers the liveness probe itself", async () => {
    const res = await fetch(`${base}/api/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok" });
  });

  it("answers 404 not_found, with the security headers, to pages and other API routes", async () => {
    const before = seen.length;
    for (const path of ["/", "/remediation/a/b", "/api/v1/checks", "/api/ready", "/api/v1/exposures/1/2"]) {
      const res = await fetch(`${base}${path}`);
      expect([path, res.status]).toEqual([path, 404]);
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("not_found");
    }
    expect(seen.length).toBe(before);
  });
});

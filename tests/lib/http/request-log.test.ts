import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loggedPath, logRequest } from "@/lib/http/request-log";
import { createLogger } from "@/lib/log";

const lines: string[] = [];
const logger = createLogger({ level: "debug", destination: { write: (s: string) => void lines.push(s) } });
let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    logRequest(req, res, logger);
    res.writeHead(req.url?.startsWith("/missing") ? 404 : 200, { "content-type": "text/plain" });
    res.end(`id ${req.headers["x-request-id"]}`);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

async function logged(path: string, init?: RequestInit) {
  lines.length = 0;
  const res = await fetch(`${base}${path}`, init);
  const text = await res.text();
  await new Promise((r) => setTimeout(r, 20));
  expect(lines).toHaveLength(1);
  return { res, text, line: JSON.parse(lines[0]!) as Record<string, unknown>, raw: lines[0]! };
}

describe("request logging", () => {
  it("logs method, path, status, duration and a request id it also hands to the app and the client", async () => {
    const { res, text, line } = await logged("/missing/page?x=1");
    expect(line).toMatchObject({ level: "info", msg: "request", method: "GET", path: "/missing/page", status: 404 });
    expect(typeof line.ms).toBe("number");
    expect(line.reqId).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.headers.get("x-request-id")).toBe(line.reqId);
    expect(text).toBe(`id ${line.reqId}`);
  });

  it("keeps a load balancer's plain request id and replaces anything else", async () => {
    expect((await logged("/", { headers: { "x-request-id": "lb-7f3a.01" } })).line.reqId).toBe("lb-7f3a.01");
    expect((await logged("/", { headers: { "x-request-id": "bad id\twith spaces" } })).line.reqId).not.toBe(
      "bad id\twith spaces",
    );
  });

  it("never logs the number of GET /api/v1/exposures/{phone}, nor one in a query string", async () => {
    for (const phone of ["+12065550142", "%2B1%20(206)%20555-0142", "206-555-0142"]) {
      const { line, raw } = await logged(`/api/v1/exposures/${phone}`);
      expect(line.path).toBe("/api/v1/exposures/[redacted]");
      expect(raw).not.toMatch(/2065550142|555\D{0,3}0142/);
    }
    const { raw } = await logged("/admin/lookup?phone=2065550142");
    expect(raw).not.toMatch(/2065550142/);
    expect(loggedPath("//api/v1/exposures/+12065550142")).toBe("/api/v1/exposures/[redacted]");
    // The POST's path holds no number: it is logged as it is, anything longer is not.
    expect(loggedPath("/api/v1/exposures/lookup")).toBe("/api/v1/exposures/lookup");
    expect(loggedPath("/api/v1/exposures/lookup2065550142")).toBe("/api/v1/exposures/[redacted]");
  });

  it("logs probes and static files at debug", async () => {
    expect((await logged("/api/ready")).line.level).toBe("debug");
    expect((await logged("/_next/static/chunks/app.js")).line.level).toBe("debug");
  });
});

// The request handler of a lookup-only process (LOOKUP_PORT, docs/adr/0021-lookup-isolation.md):
// the integration lookup, a liveness probe, and 404 for everything else. No Next.js is
// loaded in such a process, so a flood of public pages cannot queue ahead of a lookup.
import type { IncomingMessage, ServerResponse } from "node:http";
import { AppError } from "@/lib/errors";
import { errorAnswer, type Answer } from "@/lib/http/respond";
import securityHeaders from "@/lib/http/security-headers.json";

const HEALTH = /^\/api\/health(?:\?[^#]*)?$/;

/**
 * `lean` answers its own requests and returns false for others (leanExposures in
 * lib/http/lean-server.ts); the rest get `{status: "ok"}` at GET /api/health, so a load
 * balancer can probe this port, and 404 `not_found` elsewhere.
 */
export function lookupOnly(
  lean: (req: IncomingMessage, res: ServerResponse) => boolean,
  options: { production: boolean },
): (req: IncomingMessage, res: ServerResponse) => void {
  const fixed: Record<string, string> = { "content-type": "application/json" };
  for (const { key, value } of [...securityHeaders.always, ...(options.production ? securityHeaders.production : [])])
    fixed[key] = value;
  const made = (answer: Answer) => {
    const body = JSON.stringify(answer.body);
    return {
      status: answer.status,
      body,
      headers: { ...fixed, ...answer.headers, "content-length": Buffer.byteLength(body) },
    };
  };
  const health = made({ status: 200, body: { status: "ok" }, headers: { "cache-control": "no-store" } });
  const notFound = made(errorAnswer(new AppError("not_found")));

  return (req, res) => {
    if (lean(req, res)) return;
    const answer = (req.method === "GET" || req.method === "HEAD") && HEALTH.test(req.url ?? "") ? health : notFound;
    res.writeHead(answer.status, answer.headers);
    res.end(req.method === "HEAD" ? undefined : answer.body);
  };
}

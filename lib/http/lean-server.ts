import type { IncomingMessage, ServerResponse } from "node:http";
import { clientIp } from "@/lib/http/client-ip";
import type { ExposureRequest } from "@/lib/http/exposures-endpoint";
import { readNodeJson } from "@/lib/http/read-json";
import { errorAnswer, type Answer } from "@/lib/http/respond";
import securityHeaders from "@/lib/http/security-headers.json";

// One path segment: anything else (a trailing slash, a deeper path) is Next.js's to answer.
const EXPOSURES = /^\/api\/v1\/exposures\/([^/?#]+)(?:\?[^#]*)?$/;
// The POST's own path, which GET leaves to Next.js (405 there), as the app's routes do.
const LOOKUP = "lookup";

/**
 * The integration lookup (GET /api/v1/exposures/{phone}, deprecated, and POST
 * /api/v1/exposures/lookup) served by the HTTP server itself, ahead of Next.js: a carrier's
 * login page calls it on every sign-in, and a framework route costs far more per request
 * than the lookup (docs/adr/0012-lean-lookup-path.md). It runs the endpoint it is given,
 * the one the app's route runs (exposuresAnswer in lib/http/exposures-endpoint.ts: key,
 * limit, schema, lookup, audit, errors), and writes its answer with the app's static
 * security headers; only the framework is skipped. Returns a listener that answers its
 * own requests and returns false for everything else.
 */
export function leanExposures(
  endpoint: (req: ExposureRequest) => Promise<Answer>,
  options: { production: boolean; trustProxyHops: number },
) {
  const fixed: Record<string, string> = { "content-type": "application/json" };
  for (const { key, value } of [...securityHeaders.always, ...(options.production ? securityHeaders.production : [])])
    fixed[key] = value;

  function send(res: ServerResponse, answer: Answer) {
    const body = JSON.stringify(answer.body);
    res.writeHead(answer.status, { ...fixed, ...answer.headers, "content-length": Buffer.byteLength(body) });
    res.end(body);
  }

  async function serve(req: IncomingMessage, res: ServerResponse, segment: string | null) {
    const header = (name: string) => {
      const value = req.headers[name];
      return typeof value === "string" ? value : (value?.join(", ") ?? null);
    };
    try {
      const caller = { authorization: header("authorization"), ip: clientIp({ get: header }, options.trustProxyHops) };
      send(
        res,
        await endpoint(segment === null ? { ...caller, body: () => readNodeJson(req) } : { ...caller, segment }),
      );
    } catch (error) {
      // The endpoint answers every error itself; this would be a bug here, never a hang.
      if (!res.headersSent) send(res, errorAnswer(error));
      else res.destroy();
    }
  }

  return (req: IncomingMessage, res: ServerResponse): boolean => {
    const match = EXPOSURES.exec(req.url ?? "");
    if (!match) return false;
    if (req.method === "GET" && match[1] !== LOOKUP) void serve(req, res, match[1]!);
    else if (req.method === "POST" && match[1] === LOOKUP) void serve(req, res, null);
    else return false;
    return true;
  };
}

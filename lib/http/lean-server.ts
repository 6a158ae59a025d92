import type { IncomingMessage, ServerResponse } from "node:http";
import { clientIp } from "@/lib/http/client-ip";
import type { ExposureRequest } from "@/lib/http/exposures-endpoint";
import { readNodeJson } from "@/lib/http/read-json";
import { errorAnswer, type Answer } from "@/lib/http/respond";
import type { Endpoint } from "@/lib/http/route";
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
  const reply = answerWriter(options);

  function serve(req: IncomingMessage, res: ServerResponse, segment: string | null) {
    const header = headerOf(req);
    return reply(res, async () => {
      const caller = { authorization: header("authorization"), ip: clientIp({ get: header }, options.trustProxyHops) };
      return endpoint(segment === null ? { ...caller, body: () => readNodeJson(req) } : { ...caller, segment });
    });
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

// POST /api/v1/checks and POST /api/v1/checks/{checkId}/verify, one segment for the id.
const CHECKS = /^\/api\/v1\/checks(?:\/([^/?#]+)\/verify)?(?:\?[^#]*)?$/;

/**
 * The check API (a start, a verification) served by the HTTP server ahead of Next.js, as
 * the lookup is: on a breach day every customer starts a check, and the framework's
 * per-request cost was most of a start's (docs/adr/0042-lean-check-path.md). It runs the
 * endpoints the app's routes run (route.endpoint() over lib/http/check-endpoints.ts: the
 * same wrapper, guards, errors) and writes their Answers with the static security
 * headers. Other methods and paths are left to Next.js. Returns a listener that answers
 * its own requests and returns false for everything else.
 */
export function leanChecks(
  endpoints: { start: Endpoint<Record<string, never>>["answer"]; verify: Endpoint<{ checkId: string }>["answer"] },
  options: { production: boolean },
) {
  const reply = answerWriter(options);
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    if (req.method !== "POST") return false;
    const match = CHECKS.exec(req.url ?? "");
    if (!match) return false;
    const view = { header: headerOf(req), body: () => readNodeJson(req) };
    const checkId = match[1];
    void reply(res, () =>
      checkId === undefined ? endpoints.start(view, {}) : endpoints.verify(view, { checkId: decodeSegment(checkId) }),
    );
    return true;
  };
}

/** A request's header as the web's Headers.get gives it: repeated ones joined, else null. */
function headerOf(req: IncomingMessage): (name: string) => string | null {
  return (name) => {
    const value = req.headers[name];
    return typeof value === "string" ? value : (value?.join(", ") ?? null);
  };
}

/** Writes an endpoint's Answer as JSON with the app's static security headers (next.config.js sends the same). */
function answerWriter(options: { production: boolean }) {
  const fixed: Record<string, string> = { "content-type": "application/json" };
  for (const { key, value } of [...securityHeaders.always, ...(options.production ? securityHeaders.production : [])])
    fixed[key] = value;

  function send(res: ServerResponse, answer: Answer) {
    const body = JSON.stringify(answer.body);
    res.writeHead(answer.status, { ...fixed, ...answer.headers, "content-length": Buffer.byteLength(body) });
    res.end(body);
  }

  return async (res: ServerResponse, run: () => Promise<Answer>): Promise<void> => {
    try {
      send(res, await run());
    } catch (error) {
      // The endpoints answer every error themselves; this would be a bug here, never a hang.
      if (!res.headersSent) send(res, errorAnswer(error));
      else res.destroy();
    }
  };
}

// The path's segment as Next.js passes it to a route (decoded); one that does not decode is kept.
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "pino";
import { observeRequest } from "@/lib/metrics/registry";

// A load balancer's request id is kept when it is a plain token, so lines can be joined.
const GIVEN_ID = /^[\w.:-]{1,128}$/;
// GET /api/v1/exposures/{phone}: the segment is a phone number (the POST's path, /lookup, is not).
const PHONE_PATH = /^(\/api\/v1\/exposures)\/(?!lookup$).+$/i;
// Probes and static files: one line each at debug, not info.
const QUIET = /^\/(api\/(health|ready)$|_next\/static\/|favicon\.ico$)/;

/** The path as logged: no query string, nothing after /api/v1/exposures/. */
export function loggedPath(url: string | undefined): string {
  const p = (url ?? "/").split(/[?#]/, 1)[0]!.replace(/\/{2,}/g, "/");
  return p.replace(PHONE_PATH, "$1/[redacted]");
}

export function requestId(header: string | string[] | undefined): string {
  return typeof header === "string" && GIVEN_ID.test(header) ? header : randomUUID();
}

/**
 * One line per request when its response ends or the client goes away: request id
 * (also sent back as X-Request-Id and passed on to the app), method, path, status, ms.
 */
export function logRequest(req: IncomingMessage, res: ServerResponse, logger: Logger): void {
  const started = performance.now();
  const reqId = requestId(req.headers["x-request-id"]);
  req.headers["x-request-id"] = reqId;
  res.setHeader("x-request-id", reqId);
  const path = loggedPath(req.url);
  res.once("close", () => {
    const line = {
      reqId,
      method: req.method,
      path,
      status: res.statusCode,
      ms: Math.round((performance.now() - started) * 10) / 10,
      ...(res.writableFinished ? {} : { aborted: true }),
    };
    observeRequest(req.method, path, res.statusCode, line.ms / 1000);
    if (QUIET.test(path) && res.statusCode < 500) logger.debug(line, "request");
    else logger.info(line, "request");
  });
}

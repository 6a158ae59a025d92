// Load shedding: past capacity, a new request gets a fast 503 with Retry-After instead of
// seconds in a queue it would likely time out in. Mounted at the top of the HTTP
// server's request handler (scripts/server.ts), ahead of Next.js.
import type { IncomingMessage, ServerResponse } from "node:http";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { AppError } from "@/lib/errors";
import { errorAnswer } from "@/lib/http/respond";
import securityHeaders from "@/lib/http/security-headers.json";
import {
  acceptedLocale,
  DEFAULT_LOCALE,
  LOCALES,
  negotiateLocale,
  splitLocalePath,
  type Locale,
} from "@/lib/i18n/locale";
import { getTranslator } from "@/lib/i18n/translator";
import { log } from "@/lib/log";
import { countShed, type ShedReason } from "@/lib/metrics/registry";

/** SHED_EVENT_LOOP_DELAY_MS and SHED_MAX_IN_FLIGHT; null: that test is off. */
export type ShedSettings = { eventLoopDelayMs: number | null; maxInFlight: number | null };

/** What a shed client is told to wait; the page reloads itself after as long. */
export const RETRY_AFTER_SECONDS = 5;

/**
 * Never shed: the probes (a load balancer must see the truth, and a node that sheds is
 * alive), and the integration lookup, served ahead of Next.js at a fraction of a page's
 * cost, which a carrier's login page needs most when the public pages are flooded.
 */
const EXEMPT = /^\/api\/(health|ready|v1\/exposures\/[^/]+)$/;
/** Nor a page's own scripts and styles: fixed files, and the page they belong to was admitted. */
const STATIC = "/_next/static/";

export function isExempt(url: string | undefined): boolean {
  const path = (url ?? "/").split(/[?#]/, 1)[0]!;
  return EXEMPT.test(path) || path.startsWith(STATIC);
}

/**
 * A late event loop counts only while this many requests of ours are in flight. With
 * fewer, the lateness is a busy machine (another process, a start-up pause), not a queue
 * of ours: a 503 would shorten nobody's wait. More than a browser's 6 connections per host.
 */
export const DELAY_NEEDS_IN_FLIGHT = 8;

/** The decision: whether a new request is shed now, and why. */
export function shedReason(state: { delayMs: number; inFlight: number }, settings: ShedSettings): ShedReason | null {
  if (settings.maxInFlight !== null && state.inFlight >= settings.maxInFlight) return "in_flight";
  if (
    settings.eventLoopDelayMs !== null &&
    state.delayMs > settings.eventLoopDelayMs &&
    state.inFlight >= DELAY_NEEDS_IN_FLIGHT
  )
    return "event_loop_delay";
  return null;
}

/**
 * The event loop's median delay over the last complete window. The median, not a high
 * percentile: one long pause (a GC, a page's first module load) is not overload, while
 * past capacity most turns of the loop are late.
 */
export function loopDelay(windowMs = 500): { ms: () => number; stop: () => void } {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  let last = 0;
  const timer = setInterval(() => {
    last = histogram.count > 0 ? histogram.percentile(50) / 1e6 : 0;
    histogram.reset();
  }, windowMs);
  timer.unref();
  return {
    ms: () => last,
    stop: () => {
      clearInterval(timer);
      histogram.disable();
    },
  };
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/** The two answers in a language, made once: JSON under /api/, a small page elsewhere. */
function answers(production: boolean, locale: Locale) {
  const t = getTranslator(locale);
  const fixed: Record<string, string> = {};
  for (const { key, value } of [...securityHeaders.always, ...(production ? securityHeaders.production : [])])
    fixed[key] = value;
  const api = errorAnswer(new AppError("overloaded", { retryAfterSeconds: RETRY_AFTER_SECONDS }), locale);
  const json = JSON.stringify(api.body);
  const title = escapeHtml(t("errors.overloaded_title"));
  const html =
    `<!doctype html><html lang="${locale}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<meta http-equiv="refresh" content="${RETRY_AFTER_SECONDS}">` +
    `<title>${title} · ${escapeHtml(t("app.name"))}</title></head>` +
    `<body><main><h1>${title}</h1><p>${escapeHtml(t("errors.overloaded"))}</p></main></body></html>`;
  return {
    api: {
      body: json,
      headers: {
        ...fixed,
        ...api.headers,
        "content-type": "application/json",
        "content-length": Buffer.byteLength(json),
      },
    },
    page: {
      body: html,
      headers: {
        ...fixed,
        "cache-control": "no-store",
        "retry-after": String(RETRY_AFTER_SECONDS),
        "content-type": "text/html; charset=utf-8",
        "content-security-policy": "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
        "content-length": Buffer.byteLength(html),
      },
    },
  };
}

export type Shedder = ((req: IncomingMessage, res: ServerResponse) => boolean) & {
  /** Requests admitted and not yet answered, in this process. */
  inFlight: () => number;
  stop: () => void;
};

/**
 * Returns a check for the top of a request handler: it answers 503 itself and returns
 * true when the request is shed, else counts the request in flight and returns false.
 * `settings` null (or both tests off): nothing is ever shed.
 */
export function createShedder(
  settings: ShedSettings | null,
  options: { production: boolean; delayMs?: () => number },
): Shedder {
  let inFlight = 0;
  const on = settings !== null && (settings.eventLoopDelayMs !== null || settings.maxInFlight !== null);
  const monitor = on && settings.eventLoopDelayMs !== null && !options.delayMs ? loopDelay() : null;
  const delayMs = options.delayMs ?? monitor?.ms ?? (() => 0);
  const made = on
    ? (Object.fromEntries(LOCALES.map((l) => [l, answers(options.production, l)])) as Record<
        Locale,
        ReturnType<typeof answers>
      >)
    : null;
  const done = () => inFlight--;
  // One log line when shedding starts and one when it ends, not one per request.
  let shedding: ShedReason | null = null;

  const shed = ((req: IncomingMessage, res: ServerResponse): boolean => {
    if (!made || isExempt(req.url)) return false;
    const state = { delayMs: delayMs(), inFlight };
    const reason = shedReason(state, settings!);
    if (reason !== shedding) {
      if (reason) log.warn({ reason, ...state }, "past capacity: answering new requests 503");
      else log.info(state, "capacity again: no longer shedding");
      shedding = reason;
    }
    if (reason === null) {
      inFlight++;
      res.once("close", done);
      return false;
    }
    countShed(reason);
    const url = req.url ?? "/";
    const api = url.startsWith("/api/");
    // The reader's language, as the page would have had it (ADR 29); an API caller's by Accept-Language.
    const acceptLanguage = req.headers["accept-language"];
    const locale = api
      ? (acceptedLocale(acceptLanguage) ?? DEFAULT_LOCALE)
      : (splitLocalePath(url.split("?")[0]!).locale ?? negotiateLocale({ cookie: req.headers.cookie, acceptLanguage }));
    const answer = api ? made[locale].api : made[locale].page;
    res.writeHead(503, answer.headers);
    res.end(req.method === "HEAD" ? undefined : answer.body);
    return true;
  }) as Shedder;
  shed.inFlight = () => inFlight;
  shed.stop = () => monitor?.stop();
  return shed;
}

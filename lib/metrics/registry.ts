// The metric families an operator watches (README, Deploy → Metrics), and the only
// functions that move them. Label values come from closed sets or pass labelValue(): no
// label ever carries a phone number, hash, key or email.
import { Counter, Histogram, Registry } from "prom-client";
import { routePattern } from "@/lib/metrics/routes";

// The HTTP server (scripts/server.ts, loaded by tsx) and the app (bundled by Next.js)
// hold separate copies of this module: the metrics live on globalThis so both move the
// same ones, and the name is registered once.
const METRICS = Symbol.for("exposure-check.metrics");

/** Why a request was shed (lib/http/shed.ts). */
export type ShedReason = "event_loop_delay" | "in_flight";

function create() {
  const registry = new Registry();
  const registers = [registry];
  const m = {
    registry,
    requests: new Histogram({
      name: "exposure_http_request_duration_seconds",
      help: "Requests answered by the HTTP server, by route pattern, method and status, with their duration.",
      labelNames: ["route", "method", "status"] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    shed: new Counter({
      name: "exposure_http_shed_total",
      help: "Requests answered 503 at once because the process was past capacity, by reason.",
      labelNames: ["reason"] as const,
      registers,
    }),
    checksStarted: new Counter({
      name: "exposure_checks_started_total",
      help: "Checks started (a code texted, or in open mode an answer given).",
      registers,
    }),
    checksVerified: new Counter({
      name: "exposure_checks_verified_total",
      help: "Checks whose one-time code was verified.",
      registers,
    }),
    checksCompleted: new Counter({
      name: "exposure_checks_completed_total",
      help: "Checks that disclosed a result, by whether the number was affected (counts only).",
      labelNames: ["affected"] as const,
      registers,
    }),
    smsSent: new Counter({
      name: "exposure_sms_sent_total",
      help: "Texts the SMS provider accepted, by provider.",
      labelNames: ["provider"] as const,
      registers,
    }),
    smsRefused: new Counter({
      name: "exposure_sms_refused_total",
      help: "Texts not sent, by reason (the provider refused or did not answer, a budget, a destination policy).",
      labelNames: ["reason"] as const,
      registers,
    }),
    rateLimited: new Counter({
      name: "exposure_rate_limit_refusals_total",
      help: "Requests refused by a rate limit, by limit.",
      labelNames: ["limit"] as const,
      registers,
    }),
    lookupBatchSize: new Histogram({
      name: "exposure_lookup_batch_size",
      help: "Numbers looked up by one database query (concurrent lookups share one).",
      buckets: [1, 2, 4, 8, 16, 32, 64, 128, 256],
      registers,
    }),
    lookupBatchSeconds: new Histogram({
      name: "exposure_lookup_batch_duration_seconds",
      help: "Duration of one lookup query, whatever its batch size.",
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
      registers,
    }),
  };
  // Series that exist from the start, so rate() and ratios see zeros rather than nothing.
  m.checksCompleted.inc({ affected: "true" }, 0);
  m.checksCompleted.inc({ affected: "false" }, 0);
  for (const reason of ["event_loop_delay", "in_flight"] satisfies ShedReason[]) m.shed.inc({ reason }, 0);
  return m;
}

export type Metrics = ReturnType<typeof create>;

/** The process's metrics (one set, whichever copy of this module asks first). */
export function metrics(): Metrics {
  const g = globalThis as unknown as { [METRICS]?: Metrics };
  g[METRICS] ??= create();
  return g[METRICS];
}

// Lower-case words joined by - or _: never a digit, @, + or upper case, so never a
// number, hash, key or email, whatever a caller passes.
const SAFE_LABEL = /^[a-z][a-z_-]{0,39}$/;

/** A caller's word as a label value, or "other" when it could carry anything else. */
export function labelValue(value: string): string {
  return SAFE_LABEL.test(value) ? value : "other";
}

const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

/** One answered request: its route pattern (never the raw path), method, status and duration. */
export function observeRequest(method: string | undefined, path: string, status: number, seconds: number): void {
  metrics().requests.observe(
    {
      route: routePattern(path),
      method: method && METHODS.has(method) ? method : "other",
      status: Number.isInteger(status) && status >= 100 && status < 600 ? String(status) : "other",
    },
    seconds,
  );
}

/** A request shed by lib/http/shed.ts. */
export function countShed(reason: ShedReason): void {
  metrics().shed.inc({ reason });
}

/** A check started: the same call for every number (it does not know the result). */
export function countCheckStarted(): void {
  metrics().checksStarted.inc();
}

/** A check's code verified. */
export function countCheckVerified(): void {
  metrics().checksVerified.inc();
}

/** A check's result disclosed (after verification, or at once in open mode). */
export function countCheckCompleted(affected: boolean): void {
  metrics().checksCompleted.inc({ affected: affected ? "true" : "false" });
}

/** A text the provider accepted ("twilio", "outbox"). */
export function countSmsSent(provider: string): void {
  metrics().smsSent.inc({ provider: labelValue(provider) });
}

/**
 * A text not sent. Reasons in use: "provider_error" (refused or unanswered, see
 * meteredSms); the start path adds its own, such as "budget" or "destination".
 */
export function countSmsRefused(reason: string): void {
  metrics().smsRefused.inc({ reason: labelValue(reason) });
}

/** A request refused by a limit, named as in lib/rate-limit/limits.ts ("check-ip", "send-number"…). */
export function countRateLimited(limit: string): void {
  metrics().rateLimited.inc({ limit: labelValue(limit) });
}

/** One lookup query: how many numbers it carried and how long it took. */
export function observeLookupBatch(size: number, seconds: number): void {
  const m = metrics();
  m.lookupBatchSize.observe(size);
  m.lookupBatchSeconds.observe(seconds);
}

/** Starts timing a lookup query of `size` numbers; call the result when it settles. */
export function lookupBatchTimer(size: number): () => void {
  const started = performance.now();
  return () => observeLookupBatch(size, (performance.now() - started) / 1000);
}

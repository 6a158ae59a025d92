// The metric helpers: each moves its family, and whatever a caller passes, a label value
// is a word or "other".
import { describe, expect, it } from "vitest";
import {
  countCheckCompleted,
  countCheckStarted,
  countCheckVerified,
  countRateLimited,
  countShed,
  countSmsRefused,
  countSmsSent,
  labelValue,
  metrics,
  observeLookupBatch,
  observeRequest,
} from "@/lib/metrics/registry";

/** A family's value for exactly these labels (0 when absent). */
async function value(name: string, labels: Record<string, string> = {}, suffix = "") {
  const family = (await metrics().registry.getMetricsAsJSON()).find((m) => m.name === name);
  const wanted = `${name}${suffix}`;
  const v = family?.values.find(
    (x) =>
      (x as { metricName?: string }).metricName === (suffix ? wanted : undefined) &&
      Object.entries(labels).every(([k, l]) => String(x.labels[k]) === l),
  );
  return v?.value ?? 0;
}

describe("metric helpers", () => {
  it("count checks started, verified and completed, by affected only", async () => {
    const before = [
      await value("exposure_checks_started_total"),
      await value("exposure_checks_verified_total"),
      await value("exposure_checks_completed_total", { affected: "true" }),
      await value("exposure_checks_completed_total", { affected: "false" }),
    ];
    countCheckStarted();
    countCheckStarted();
    countCheckVerified();
    countCheckCompleted(true);
    countCheckCompleted(false);
    countCheckCompleted(false);
    expect([
      await value("exposure_checks_started_total"),
      await value("exposure_checks_verified_total"),
      await value("exposure_checks_completed_total", { affected: "true" }),
      await value("exposure_checks_completed_total", { affected: "false" }),
    ]).toEqual([before[0]! + 2, before[1]! + 1, before[2]! + 1, before[3]! + 2]);
  });

  it("count texts, refusals and limits under their word, anything else as other", async () => {
    const sent = await value("exposure_sms_sent_total", { provider: "twilio" });
    const budget = await value("exposure_sms_refused_total", { reason: "budget" });
    const other = await value("exposure_sms_refused_total", { reason: "other" });
    const limit = await value("exposure_rate_limit_refusals_total", { limit: "send-number" });
    const otherLimit = await value("exposure_rate_limit_refusals_total", { limit: "other" });
    countSmsSent("twilio");
    countSmsRefused("budget");
    countSmsRefused("Twilio refused +12065550100");
    countRateLimited("send-number");
    countRateLimited("ek_live_3Yq0xZ");
    expect(await value("exposure_sms_sent_total", { provider: "twilio" })).toBe(sent + 1);
    expect(await value("exposure_sms_refused_total", { reason: "budget" })).toBe(budget + 1);
    expect(await value("exposure_sms_refused_total", { reason: "other" })).toBe(other + 1);
    expect(await value("exposure_rate_limit_refusals_total", { limit: "send-number" })).toBe(limit + 1);
    expect(await value("exposure_rate_limit_refusals_total", { limit: "other" })).toBe(otherLimit + 1);
  });

  it("labelValue lets through lower-case words only", () => {
    for (const ok of ["check-ip", "provider_error", "budget", "twilio"]) expect(labelValue(ok)).toBe(ok);
    for (const bad of ["+12065550100", "2065550100", "a@example.com", "ek_live_x9", "Budget", "", "a".repeat(41)])
      expect(labelValue(bad)).toBe("other");
  });

  it("observe requests by route pattern, method and status", async () => {
    const labels = { route: "/api/v1/exposures/[phone]", method: "GET", status: "200" };
    const before = await value("exposure_http_request_duration_seconds", labels, "_count");
    observeRequest("GET", "/api/v1/exposures/%2B12065550100", 200, 0.004);
    observeRequest("BREW", "/", 999, 0.001);
    expect(await value("exposure_http_request_duration_seconds", labels, "_count")).toBe(before + 1);
    expect(
      await value("exposure_http_request_duration_seconds", { route: "/", method: "other", status: "other" }, "_count"),
    ).toBeGreaterThan(0);
  });

  it("observe lookup batches and shed requests", async () => {
    const batches = await value("exposure_lookup_batch_size", {}, "_count");
    const sum = await value("exposure_lookup_batch_size", {}, "_sum");
    const shed = await value("exposure_http_shed_total", { reason: "in_flight" });
    observeLookupBatch(37, 0.002);
    countShed("in_flight");
    expect(await value("exposure_lookup_batch_size", {}, "_count")).toBe(batches + 1);
    expect(await value("exposure_lookup_batch_size", {}, "_sum")).toBe(sum + 37);
    expect(await value("exposure_http_shed_total", { reason: "in_flight" })).toBe(shed + 1);
  });

  it("is one set per process, whichever copy of the module asks", () => {
    expect(metrics()).toBe(metrics());
    expect((globalThis as Record<symbol, unknown>)[Symbol.for("exposure-check.metrics")]).toBe(metrics());
  });
});

// After a check runs through the server's logging point (start, a refused second start,
// a refused text, verify, an integration lookup) and an import is running, every
// metric's labels are scanned: no number, hash, key, check id or email, ever.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "@/lib/api-keys/manage";
import { CLI_ACTOR } from "@/lib/audit/record";
import { startCheck } from "@/lib/checks/start-check";
import { verifyCheck } from "@/lib/checks/verify-check";
import { getDb } from "@/lib/db/client";
import { exposuresAnswer } from "@/lib/http/exposures-endpoint";
import { leanExposures } from "@/lib/http/lean-server";
import { errorAnswer } from "@/lib/http/respond";
import { logRequest } from "@/lib/http/request-log";
import { createLogger } from "@/lib/log";
import { collectProcessMetrics } from "@/lib/metrics/collectors";
import { meteredLimiter } from "@/lib/rate-limit/metered";
import { meteredSms } from "@/lib/sms/metered";
import { metrics } from "@/lib/metrics/registry";
import { memoryLimiter } from "@/lib/rate-limit/limiter";
import { outboxProvider } from "@/lib/sms/outbox";
import { SmsSendError } from "@/lib/sms/provider";
import { getServices } from "@/lib/services";
import { setEnv } from "@/tests/support/api";
import { lastCodeFor, makeDeps, noLimits } from "@/tests/support/deps";
import { uniqueTag } from "@/tests/support/unique-tag";

const PHONE = "+1 206 555 0100";
const REFUSED_PHONE = "+1 206 555 0142";
const secrets: string[] = ["2065550100", "2065550142", "555-0100", "555-0142"];
let server: Server;
let base: string;
let batchId: number;

function body(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve) => {
    let text = "";
    req.on("data", (d: Buffer) => (text += d.toString()));
    req.on("end", () => resolve(JSON.parse(text || "{}")));
  });
}

beforeAll(async () => {
  setEnv({ LOOKUP_MODE: "verified", RATE_LIMITS: "off" });
  const db = getDb();
  const deps = makeDeps({
    sms: meteredSms(outboxProvider(db)),
    limits: {
      ...noLimits,
      sendPerNumber: meteredLimiter("send-number", memoryLimiter(`send-${uniqueTag()}`, { points: 1, seconds: 60 })),
    },
  });
  const refusing = makeDeps({
    sms: meteredSms({
      name: "twilio",
      send: async (to) => {
        throw new SmsSendError(`Twilio refused ${to}`, 400, 21211);
      },
    }),
  });
  const lean = leanExposures((req) => exposuresAnswer(getServices().api, req), { production: true, trustProxyHops: 0 });
  const quiet = createLogger({ level: "silent" });
  // The app's routes stand in for Next.js; the check flow counts its own steps.
  server = createServer((req, res) => {
    logRequest(req, res, quiet);
    if (lean(req, res)) return;
    void (async () => {
      const send = (status: number, json: unknown) =>
        res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(json));
      try {
        const verify = /^\/api\/v1\/checks\/([^/]+)\/verify$/.exec(req.url ?? "");
        if (req.url === "/api/v1/checks") {
          const input = (await body(req)) as { phone: string };
          const outcome = await startCheck(input.phone === REFUSED_PHONE ? refusing : deps, input, "192.0.2.7");
          send(202, outcome);
        } else if (verify) {
          const result = await verifyCheck(deps, verify[1]!, await body(req), "192.0.2.7");
          send(200, { status: "complete", result });
        } else send(404, {});
      } catch (e) {
        const answer = errorAnswer(e);
        send(answer.status, answer.body);
      }
    })();
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  collectProcessMetrics();
  batchId = (
    await db.importBatch.create({
      data: { source: `labels ${uniqueTag()}`, rows: 1234, bytesTotal: 1000n, bytesRead: 250n },
    })
  ).id;
});

afterAll(async () => {
  await getDb().importBatch.update({ where: { id: batchId }, data: { status: "failed" } });
  await new Promise((r) => server.close(r));
});

const post = (path: string, json: unknown) =>
  fetch(`${base}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(json),
  });

/** Every label value of every series, with where it was seen. */
async function labelValues() {
  const out: { where: string; value: string }[] = [];
  for (const family of await metrics().registry.getMetricsAsJSON())
    for (const v of family.values)
      for (const [name, value] of Object.entries(v.labels))
        // le: a histogram's bucket bounds, fixed in code.
        if (name !== "le") out.push({ where: `${family.name}{${name}}`, value: String(value) });
  return out;
}

const sample = async (line: RegExp) => Number(line.exec(await metrics().registry.metrics())?.[1] ?? 0);

describe("metric labels after a check runs", () => {
  it("count the check, its text, its refusals and its lookups, and carry no number, hash, key or id", async () => {
    const before = {
      started: await sample(/^exposure_checks_started_total (\d+)/m),
      affected: await sample(/^exposure_checks_completed_total\{affected="true"\} (\d+)/m),
      starts: await sample(
        /^exposure_http_request_duration_seconds_count\{route="\/api\/v1\/checks",method="POST",status="202"\} (\d+)/m,
      ),
      lookups: await sample(/^exposure_lookup_batch_size_count (\d+)/m),
    };
    const { key } = await createApiKey(getDb(), { name: `labels ${uniqueTag()}` }, { actor: CLI_ACTOR });
    secrets.push(key, key.slice(8));

    const started = await post("/api/v1/checks", { phone: PHONE });
    expect(started.status).toBe(202);
    const { checkId } = (await started.json()) as { checkId: string };
    secrets.push(checkId);
    expect((await post("/api/v1/checks", { phone: PHONE })).status).toBe(429);
    expect((await post("/api/v1/checks", { phone: REFUSED_PHONE })).status).toBe(503);
    const code = await lastCodeFor("0100");
    const verified = await post(`/api/v1/checks/${checkId}/verify`, { code });
    expect(verified.status).toBe(200);
    const lookup = await fetch(`${base}/api/v1/exposures/%2B12065550100`, {
      headers: { authorization: `Bearer ${key}` },
    });
    expect(lookup.status).toBe(200);
    await new Promise((r) => setTimeout(r, 20)); // the request lines close after the answers

    const text = await metrics().registry.metrics();
    expect(await sample(/^exposure_checks_started_total (\d+)/m)).toBe(before.started + 1);
    expect(await sample(/^exposure_checks_completed_total\{affected="true"\} (\d+)/m)).toBe(before.affected + 1);
    expect(
      await sample(
        /^exposure_http_request_duration_seconds_count\{route="\/api\/v1\/checks",method="POST",status="202"\} (\d+)/m,
      ),
    ).toBe(before.starts + 1);
    expect(await sample(/^exposure_lookup_batch_size_count (\d+)/m)).toBeGreaterThanOrEqual(before.lookups + 2);
    expect(text).toMatch(/^exposure_sms_sent_total\{provider="outbox"\} [1-9]/m);
    expect(text).toMatch(/^exposure_sms_refused_total\{reason="provider_error"\} [1-9]/m);
    expect(text).toMatch(/^exposure_rate_limit_refusals_total\{limit="send-number"\} [1-9]/m);
    expect(text).toMatch(
      /^exposure_http_request_duration_seconds_count\{route="\/api\/v1\/exposures\/\[phone\]",method="GET",status="200"\} [1-9]/m,
    );
    expect(text).toMatch(
      /^exposure_http_request_duration_seconds_count\{route="\/api\/v1\/checks\/\[checkId\]\/verify",method="POST",status="200"\} [1-9]/m,
    );
    expect(text).toContain(`exposure_import_rows{batch="${batchId}"} 1234`);
    expect(text).toContain(`exposure_import_progress_ratio{batch="${batchId}"} 0.25`);
    expect(text).toMatch(/^exposure_db_pool_connections\{pool="app"\} [1-9]/m);
    expect(text).toMatch(/^exposure_ready 1$/m);

    const values = await labelValues();
    expect(values.length).toBeGreaterThan(50);
    for (const { where, value } of values) {
      // No run of digits a number could hide in, no email, no +, no long token (hash, key, id).
      if (/\d{5}|@|\+|ek_|[0-9a-f]{8}-|[A-Za-z0-9_=-]{28}/.test(value)) expect.fail(`${where} = ${value}`);
    }
    for (const secret of secrets) expect(text).not.toContain(secret);
  });
});

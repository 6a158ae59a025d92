// The check API served ahead of Next.js, on a real HTTP server and the unit project's
// database: the same answers and headers as the app's routes (both are route.endpoint()
// over lib/http/check-endpoints.ts), and only its own requests taken.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as startRoute } from "@/app/api/v1/checks/route";
import { POST as verifyRoute } from "@/app/api/v1/checks/[checkId]/verify/route";
import { startCheckAnswer, verifyCheckAnswer } from "@/lib/http/check-endpoints";
import { leanChecks } from "@/lib/http/lean-server";
import securityHeaders from "@/lib/http/security-headers.json";
import { getServices, route } from "@/lib/services";
import { lastCodeFor } from "@/tests/support/deps";
import { leanTestServer } from "@/tests/support/lean";
import { ctx, noParams, setEnv } from "@/tests/support/api";

let base: string;
let fellThrough: string[];
let close: () => Promise<void>;
const IP = "198.51.100.30";

beforeAll(async () => {
  setEnv({ LOOKUP_MODE: "verified", RATE_LIMITS: "off" });
  const lean = leanChecks(
    {
      start: route.endpoint((c) => startCheckAnswer(getServices(), c)).answer,
      verify: route.endpoint<{ checkId: string }>((c) => verifyCheckAnswer(getServices(), c)).answer,
    },
    { production: true },
  );
  ({ base, fellThrough, close } = await leanTestServer(lean, IP));
});
afterAll(async () => {
  await close();
  setEnv({ RATE_LIMITS: "on" });
});

type Sent = { type?: string; body: string; language?: string };

function headersOf(s: Sent): Record<string, string> {
  return {
    "content-type": s.type ?? "application/json",
    ...(s.language ? { "accept-language": s.language } : {}),
  };
}

/** The same request through the lean listener and through the app's route. */
async function both(path: string, sent: Sent, params: Record<string, string> = {}) {
  const lean = await fetch(`${base}${path}`, { method: "POST", headers: headersOf(sent), body: sent.body });
  const req = new Request(`http://localhost${path}`, {
    method: "POST",
    headers: { ...headersOf(sent), "x-forwarded-for": IP },
    body: sent.body,
  });
  const viaApp =
    "checkId" in params ? await verifyRoute(req, ctx(params as { checkId: string })) : await startRoute(req, noParams);
  return { lean, viaApp };
}

function expectSameHeaders(lean: Response, viaApp: Response) {
  for (const name of ["content-type", "cache-control", "content-language", "vary", "retry-after"])
    expect([name, lean.headers.get(name)]).toEqual([name, viaApp.headers.get(name)]);
  for (const { key: name, value } of [...securityHeaders.always, ...securityHeaders.production])
    expect(lean.headers.get(name)).toBe(value);
}

describe("leanChecks", () => {
  it("starts a check as the app's route does: 202, the same keys and headers", async () => {
    const { lean, viaApp } = await both("/api/v1/checks", { body: JSON.stringify({ phone: "(206) 555-0188" }) });
    expect([lean.status, viaApp.status]).toEqual([202, 202]);
    const [a, b] = (await Promise.all([lean.json(), viaApp.json()])) as Record<string, unknown>[];
    expect(Object.keys(a!).sort()).toEqual(Object.keys(b!).sort());
    expect(a!.status).toBe("code_sent");
    expectSameHeaders(lean, viaApp);
  });

  it("refuses what the app's route refuses, in the caller's language, with the same bodies", async () => {
    const refusals: Sent[] = [
      { body: JSON.stringify({ phone: "206-555-77" }) },
      { body: JSON.stringify({ phone: "206-555-77" }), language: "es" },
      { body: JSON.stringify({}) },
      { body: "{not json" },
      { type: "text/plain", body: "+12065550188" },
      { body: JSON.stringify({ phone: "+12065550188", pad: "x".repeat(17 * 1024) }) },
    ];
    for (const sent of refusals) {
      const { lean, viaApp } = await both("/api/v1/checks", sent);
      const label = `${sent.language ?? "en"} ${sent.body.slice(0, 30)}`;
      expect([label, lean.status]).toEqual([label, viaApp.status]);
      expect(lean.status).toBeGreaterThanOrEqual(400);
      expect(await lean.json()).toEqual(await viaApp.json());
      expectSameHeaders(lean, viaApp);
    }
  });

  it("verifies as the app's route does: wrong codes, unknown checks, then the result", async () => {
    const phone = "+1 206 555 0187";
    const started = await fetch(`${base}/api/v1/checks`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ phone }),
    });
    const { checkId } = (await started.json()) as { checkId: string };
    const code = await lastCodeFor("0187");
    const wrong = code === "000000" ? "111111" : "000000";
    for (const [id, sent] of [
      ["AAAAAAAAAAAAAAAAAAAAAA", { body: JSON.stringify({ code: "123456" }) }],
      ["nope", { body: JSON.stringify({ code: "123456" }), language: "es" }],
      [checkId, { body: JSON.stringify({ code: "12" }) }],
    ] as [string, Sent][]) {
      const { lean, viaApp } = await both(`/api/v1/checks/${id}/verify`, sent, { checkId: id });
      expect([id, lean.status]).toEqual([id, viaApp.status]);
      expect(await lean.json()).toEqual(await viaApp.json());
      expectSameHeaders(lean, viaApp);
    }
    // One wrong code each way: the second try says one attempt fewer.
    const first = await both(
      `/api/v1/checks/${checkId}/verify`,
      { body: JSON.stringify({ code: wrong }) },
      { checkId },
    );
    expect([first.lean.status, first.viaApp.status]).toEqual([400, 400]);
    const remaining = async (r: Response) => ((await r.json()) as { error: { attemptsRemaining: number } }).error;
    expect((await remaining(first.lean)).attemptsRemaining).toBe((await remaining(first.viaApp)).attemptsRemaining + 1);

    const done = await fetch(`${base}/api/v1/checks/${checkId}/verify`, {
      method: "POST",
      headers: { "content-type": "application/json", "accept-language": "es" },
      body: JSON.stringify({ code }),
    });
    expect(done.status).toBe(200);
    expect(done.headers.get("content-language")).toBe("es");
    expect(((await done.json()) as { result: { phone: string } }).result.phone).toBe("+12065550187");
  });

  it("leaves other methods and paths to the framework", async () => {
    fellThrough.length = 0;
    await fetch(`${base}/api/v1/checks`);
    await fetch(`${base}/api/v1/checks/`, { method: "POST" });
    await fetch(`${base}/api/v1/checks/AAAAAAAAAAAAAAAAAAAAAA`, { method: "POST" });
    await fetch(`${base}/api/v1/checks/AAAAAAAAAAAAAAAAAAAAAA/verify/`, { method: "POST" });
    await fetch(`${base}/api/v1/checks/a/b/verify`, { method: "POST" });
    await fetch(`${base}/api/v1/checks/AAAAAAAAAAAAAAAAAAAAAA/verify`);
    await fetch(`${base}/api/v1/checks/AAAAAAAAAAAAAAAAAAAAAA/resend`, { method: "POST" });
    expect(fellThrough).toEqual([
      "GET /api/v1/checks",
      "POST /api/v1/checks/",
      "POST /api/v1/checks/AAAAAAAAAAAAAAAAAAAAAA",
      "POST /api/v1/checks/AAAAAAAAAAAAAAAAAAAAAA/verify/",
      "POST /api/v1/checks/a/b/verify",
      "GET /api/v1/checks/AAAAAAAAAAAAAAAAAAAAAA/verify",
      "POST /api/v1/checks/AAAAAAAAAAAAAAAAAAAAAA/resend",
    ]);
  });
});

// Issue 11 through the API and the page's server action (ADR 17): destination policy,
// demo fence, challenge, client grouping, send budgets and the failed-guess cap, each
// on its own. Both stores: the unit and unit-pg projects run this file.
import { randomInt } from "node:crypto";
import { solveChallenge, type Challenge } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/pbkdf2";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { POST as startRoute } from "@/app/api/v1/checks/route";
import { POST as verifyRoute } from "@/app/api/v1/checks/[checkId]/verify/route";
import { GET as challengeRoute } from "@/app/api/v1/challenge/route";
import { checkFlowAction } from "@/app/actions/check-flow";
import { getDb } from "@/lib/db/client";
import { en } from "@/lib/i18n/messages/en";
import { maskPhone } from "@/lib/phone/mask";
import { lastCodeFor } from "@/tests/support/deps";
import { ctx, noParams, post, setEnv } from "@/tests/support/api";
import { form } from "@/tests/support/pages";

// The server action reads the client's address from next/headers: each call sets it.
let actionIp = "192.0.2.50";
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": actionIp }) }));

type ErrorJson = { error: { code: string; message: string; retryAfterSeconds?: number; challenge?: Challenge } };

/** A client address of its own for each test: IPv4 from 198.18.0.0/15 (benchmarking). */
const freshIp = () => `198.18.${randomInt(256)}.${randomInt(1, 255)}`;
/** A /64 of its own, in the documentation range. */
const freshV6Prefix = () => `2001:db8:${randomInt(0x10000).toString(16)}:${randomInt(0x10000).toString(16)}`;

/** A demo number (555-0100…0199) in an area code no other test file uses, one per call. */
let serial = 100;
const demoNumber = (area = 907) => `+1${area}5550${serial++}`;

const start = (body: Record<string, unknown>, ip = freshIp()) =>
  startRoute(post("/api/v1/checks", body, { ip }), noParams);
const verify = (checkId: string, code: string, ip = freshIp()) =>
  verifyRoute(post(`/api/v1/checks/${checkId}/verify`, { code }, { ip }), ctx({ checkId }));
// The outbox keeps numbers masked; within this file each number's last digits are its own.
const outboxCount = (e164: string) => getDb().outboxMessage.count({ where: { to: maskPhone(e164) } });
const lastOutboxId = async () => (await getDb().outboxMessage.aggregate({ _max: { id: true } }))._max.id;

async function startAction(fields: Record<string, string>, ip = freshIp()) {
  actionIp = ip;
  return checkFlowAction({ step: "phone" }, form({ intent: "start", ...fields }));
}

/** What the widget submits once it has solved a challenge. */
async function solve(challenge: Challenge): Promise<string> {
  const solution = await solveChallenge({ challenge, deriveKey });
  expect(solution).not.toBeNull();
  return Buffer.from(
    JSON.stringify({ challenge: { parameters: challenge.parameters, signature: challenge.signature }, solution }),
  ).toString("base64");
}

const BASE = { LOOKUP_MODE: "verified", RATE_LIMITS: "on", CHALLENGE: "off", SMS_PROVIDER: "outbox" };
const RESET = {
  ...BASE,
  SMS_ALLOWED_REGIONS: undefined,
  SUPPORT_CONTACT: undefined,
  CHALLENGE_MAX_NUMBER: undefined,
  SMS_BUDGET_PER_PREFIX_PER_HOUR: undefined,
  RATE_LIMIT_CHECK_PER_IP: undefined,
  RATE_LIMIT_FAILED_CODES_PER_NUMBER: undefined,
  RATE_LIMIT_SEND_PER_NUMBER: undefined,
};

beforeEach(() => setEnv(RESET));
afterAll(() => setEnv(RESET));

/** A real SMS provider's settings that can reach nobody: refusals happen before any send. */
const TWILIO = {
  SMS_PROVIDER: "twilio",
  TWILIO_ACCOUNT_SID: `AC${"0".repeat(32)}`,
  TWILIO_AUTH_TOKEN: "0".repeat(32),
  TWILIO_FROM: "+12065550100",
  TWILIO_BASE_URL: "http://127.0.0.1:9",
};
const NO_TWILIO = Object.fromEntries(Object.keys(TWILIO).map((k) => [k, undefined]));

describe("destination policy", () => {
  afterAll(() => setEnv({ ...NO_TWILIO, SMS_PROVIDER: "outbox" }));

  it("refuses premium-rate, foreign and non-geographic numbers with 422 naming the support contact", async () => {
    setEnv({ ...TWILIO, SUPPORT_CONTACT: "Acme Mobile support at 611", SMS_ALLOWED_REGIONS: "US" });
    // US premium rate, Jamaica (+1, not the US), a UK mobile, UK premium rate, satellite.
    for (const phone of ["+19002345678", "+18762345678", "+447400123456", "+449079460000", "+881612345678"]) {
      const res = await start({ phone });
      expect(res.status, phone).toBe(422);
      const body = (await res.json()) as ErrorJson;
      expect(body.error.code, phone).toBe("number_not_supported");
      expect(body.error.message, phone).toBe(
        "We can only text a code to a mobile number on our network. To check any other number, contact Acme Mobile support at 611.",
      );
    }
    // Through the page, in words.
    const state = await startAction({ phone: "+1 900 234 5678" });
    expect(state).toMatchObject({
      step: "phone",
      error: expect.stringContaining("contact Acme Mobile support at 611"),
    });
  });

  it("lets a region in when SMS_ALLOWED_REGIONS lists it (the refusal is the policy, not the provider)", async () => {
    setEnv({ ...TWILIO, SMS_ALLOWED_REGIONS: "US,JM" });
    // Allowed, so it reaches the (unreachable) provider: a 5xx, not a 422.
    const res = await start({ phone: "+18762345678" });
    expect(res.status).toBeGreaterThanOrEqual(500);
  });

  it("refuses premium rate under the demo outbox too, as number_not_supported", async () => {
    const res = await start({ phone: "+19002345678" });
    expect(res.status).toBe(422);
    expect(((await res.json()) as ErrorJson).error.code).toBe("number_not_supported");
  });
});

describe("demo fence (SMS_PROVIDER=outbox)", () => {
  it("texts a demo number, and refuses any other number with 422 demo_numbers_only, writing nothing", async () => {
    const demo = demoNumber();
    expect((await start({ phone: demo })).status).toBe(202);
    expect(await outboxCount(demo)).toBe(1);
    const before = await lastOutboxId();
    for (const phone of ["+12062345678", "+13035550200", "+19075551234"]) {
      const res = await start({ phone });
      expect(res.status, phone).toBe(422);
      const body = (await res.json()) as ErrorJson;
      expect(body.error).toEqual({ code: "demo_numbers_only", message: en.errors.demo_numbers_only });
      expect(await outboxCount(phone)).toBe(0);
    }
    expect(await lastOutboxId()).toBe(before);
    const state = await startAction({ phone: "(206) 234-5678" });
    expect(state).toMatchObject({ step: "phone", error: en.errors.demo_numbers_only });
  });

  it("texts the code with the site's host as its last line, and no link", async () => {
    setEnv({ PUBLIC_URL: "https://check.example.com" });
    const phone = demoNumber();
    expect((await start({ phone })).status).toBe(202);
    const msg = await getDb().outboxMessage.findFirst({ where: { to: maskPhone(phone) }, orderBy: { id: "desc" } });
    const code = await lastCodeFor(phone.slice(-4));
    expect(msg!.body.split("\n").at(-1)).toBe(`@check.example.com #${code}`);
    expect(msg!.body).not.toMatch(/https?:\/\//);
    setEnv({ PUBLIC_URL: undefined });
  });
});

describe("challenge", () => {
  beforeEach(() => setEnv({ CHALLENGE: "always", CHALLENGE_MAX_NUMBER: "20" }));

  it("GET /api/v1/challenge gives a fresh ALTCHA challenge", async () => {
    const res = await challengeRoute(new Request("http://localhost/api/v1/challenge"), noParams);
    expect(res.status).toBe(200);
    const challenge = (await res.json()) as Challenge;
    expect(challenge.parameters).toMatchObject({ algorithm: "PBKDF2/SHA-256", cost: 1000 });
    expect(challenge.signature).toMatch(/^[0-9a-f]{64}$/);
  });

  it("answers 403 challenge_required with a fresh challenge when none, a forged or a replayed one is sent", async () => {
    const phone = demoNumber();
    const missing = await start({ phone });
    expect(missing.status).toBe(403);
    const body = (await missing.json()) as ErrorJson;
    expect(body.error.code).toBe("challenge_required");
    expect(body.error.message).toBe(en.errors.challenge_required);
    expect(body.error.challenge?.parameters.algorithm).toBe("PBKDF2/SHA-256");

    const forged = Buffer.from(
      JSON.stringify({ challenge: body.error.challenge, solution: { counter: 1, derivedKey: "00".repeat(32) } }),
    ).toString("base64");
    for (const altcha of [forged, "not base64 json", "x".repeat(5000)]) {
      const res = await start({ phone, altcha });
      expect(res.status).toBe(403);
      expect(((await res.json()) as ErrorJson).error.code).toBe("challenge_required");
    }
    expect(await outboxCount(phone)).toBe(0);

    // A real solution, found by altcha-lib's solver: accepted once.
    const altcha = await solve(body.error.challenge!);
    expect((await start({ phone, altcha })).status).toBe(202);
    const replayed = await start({ phone, altcha });
    expect(replayed.status).toBe(403);
    expect(((await replayed.json()) as ErrorJson).error.code).toBe("challenge_required");
    expect(await outboxCount(phone)).toBe(1);
  });

  it("takes the widget's altcha form field in the page's action", async () => {
    const phone = demoNumber();
    const refused = await startAction({ phone });
    expect(refused).toMatchObject({ step: "phone", error: en.errors.challenge_required });
    const res = await challengeRoute(new Request("http://localhost/api/v1/challenge"), noParams);
    const altcha = await solve((await res.json()) as Challenge);
    expect(await startAction({ phone, altcha })).toMatchObject({ step: "code" });
    expect(await startAction({ phone, altcha })).toMatchObject({ error: en.errors.challenge_required });
  });

  it("under CHALLENGE=adaptive, asks a client only after its free starts", async () => {
    setEnv({ CHALLENGE: "adaptive", CHALLENGE_FREE_STARTS: "2/900" });
    const ip = freshIp();
    expect((await start({ phone: demoNumber() }, ip)).status).toBe(202);
    expect((await start({ phone: demoNumber() }, ip)).status).toBe(202);
    expect((await start({ phone: demoNumber() }, ip)).status).toBe(403);
    expect((await start({ phone: demoNumber() })).status).toBe(202);
    setEnv({ CHALLENGE_FREE_STARTS: undefined });
  });
});

describe("client grouping", () => {
  it("counts an IPv6 client by its /64 and an IPv4 client by its address, through the route", async () => {
    setEnv({ RATE_LIMIT_CHECK_PER_IP: "2/900" });
    const net = freshV6Prefix();
    expect((await start({ phone: demoNumber() }, `${net}::1`)).status).toBe(202);
    expect((await start({ phone: demoNumber() }, `${net}:aaaa:bbbb:cccc:dddd`)).status).toBe(202);
    // A third address in the same /64 is the same client.
    const third = await start({ phone: demoNumber() }, `[${net}:1:2:3:4]:443`);
    expect(third.status).toBe(429);
    expect(third.headers.get("retry-after")).toMatch(/^\d+$/);
    // The next /64 is another client.
    expect((await start({ phone: demoNumber() }, `${freshV6Prefix()}::1`)).status).toBe(202);
    // IPv4 addresses are their own groups, and a malformed entry counts as the socket's address.
    const ip = freshIp();
    expect((await start({ phone: demoNumber() }, ip)).status).toBe(202);
    expect((await start({ phone: demoNumber() }, ip)).status).toBe(202);
    expect((await start({ phone: demoNumber() }, ip)).status).toBe(429);
    expect((await start({ phone: demoNumber() }, `not-an-ip, ${ip}`)).status).toBe(429);
  });

  it("groups the page's action the same way", async () => {
    setEnv({ RATE_LIMIT_CHECK_PER_IP: "1/900" });
    const net = freshV6Prefix();
    expect(await startAction({ phone: demoNumber() }, `${net}::1`)).toMatchObject({ step: "code" });
    expect(await startAction({ phone: demoNumber() }, `${net}::2`)).toMatchObject({
      step: "phone",
      error: expect.stringContaining("You have reached the number of tries allowed for now."),
    });
  });
});

describe("send budgets", () => {
  it("answers 503 sms_paused with Retry-After once a prefix's budget is spent, texting nothing", async () => {
    setEnv({ SMS_BUDGET_PER_PREFIX_PER_HOUR: "2" });
    // Area code 808 is this test's alone: its prefix budget starts the hour at zero.
    expect((await start({ phone: demoNumber(808) })).status).toBe(202);
    expect((await start({ phone: demoNumber(808) })).status).toBe(202);
    const phone = demoNumber(808);
    const res = await start({ phone });
    expect(res.status).toBe(503);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    const body = (await res.json()) as ErrorJson;
    expect(body.error).toMatchObject({ code: "sms_paused", message: en.errors.sms_paused });
    expect(await outboxCount(phone)).toBe(0);
    // Through the page, in words; another prefix (unused so far this hour) still gets its text.
    expect(await startAction({ phone: demoNumber(808) })).toMatchObject({ error: en.errors.sms_paused });
    expect((await start({ phone: demoNumber(505) })).status).toBe(202);
  });
});

describe("failed-guess cap per number", () => {
  it("after the cap, every verification for the number answers 429, whichever check, the right code included", async () => {
    setEnv({ RATE_LIMIT_FAILED_CODES_PER_NUMBER: "3/86400" });
    const phone = demoNumber(907);
    const first = (await (await start({ phone })).json()) as { checkId: string };
    for (let i = 0; i < 2; i++) expect((await verify(first.checkId, "000000")).status).toBe(400);
    const second = (await (await start({ phone })).json()) as { checkId: string };
    const code = await lastCodeFor(phone.slice(-4));
    expect((await verify(second.checkId, code === "000001" ? "000002" : "000001")).status).toBe(400);
    // Three wrong codes across two checks: the right code of the second check is refused.
    const capped = await verify(second.checkId, code);
    expect(capped.status).toBe(429);
    expect(((await capped.json()) as ErrorJson).error.code).toBe("rate_limited");
    // Another number is not affected.
    const other = demoNumber(907);
    const check = (await (await start({ phone: other })).json()) as { checkId: string };
    expect((await verify(check.checkId, await lastCodeFor(other.slice(-4)))).status).toBe(200);
  });

  it("wipes the number's digest with the sealed number once the code is right", async () => {
    const phone = demoNumber(907);
    const { checkId } = (await (await start({ phone })).json()) as { checkId: string };
    const row = () => getDb().phoneCheck.findUniqueOrThrow({ where: { id: checkId } });
    expect((await row()).limiterDigest).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await verify(checkId, await lastCodeFor(phone.slice(-4)))).status).toBe(200);
    expect(await row()).toMatchObject({ limiterDigest: null, sealedPhone: null });
  });
});

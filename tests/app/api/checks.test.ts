import { beforeEach, describe, expect, it } from "vitest";
import { POST as startRoute } from "@/app/api/v1/checks/route";
import { POST as verifyRoute } from "@/app/api/v1/checks/[checkId]/verify/route";
import { GET as outboxRoute } from "@/app/api/dev/outbox/route";
import { GET as healthRoute } from "@/app/api/health/route";
import { getDb } from "@/lib/db/client";
import { DEMO_CATEGORIES, DEMO_INCIDENT } from "@/lib/incidents/demo-data";
import { lastCodeFor } from "@/tests/support/deps";
import { ctx, noParams, post, setEnv } from "@/tests/support/api";

const start = (phone: unknown, ip?: string) => startRoute(post("/api/v1/checks", { phone }, { ip }), noParams);
const verify = (checkId: string, code: unknown, ip?: string) =>
  verifyRoute(post(`/api/v1/checks/${checkId}/verify`, { code }, { ip }), ctx({ checkId }));

async function started(phone: string) {
  const res = await start(phone);
  expect(res.status).toBe(202);
  const body = (await res.json()) as { checkId: string; status: string; expiresAt: string };
  return { body, code: await lastCodeFor(phone.replace(/\D/g, "").slice(-4)) };
}

describe("POST /api/v1/checks (verified mode)", () => {
  beforeEach(() => setEnv({ LOOKUP_MODE: "verified", RATE_LIMITS: "off" }));

  it("answers 202 with the same keys for affected and unaffected numbers", async () => {
    const a = await started("(206) 555-0100");
    const u = await started("(206) 555-0199");
    expect(Object.keys(a.body).sort()).toEqual(["checkId", "expiresAt", "status"]);
    expect(Object.keys(u.body).sort()).toEqual(["checkId", "expiresAt", "status"]);
    expect(a.body.status).toBe("code_sent");
    expect(u.body.status).toBe("code_sent");
  });

  it("completes with the result for the right code, and refuses it a second time", async () => {
    const { body, code } = await started("+1 206 555 0101");
    const res = await verify(body.checkId, code);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      status: "complete",
      result: {
        phone: "+12065550101",
        affected: true,
        exposures: [
          {
            incident: { slug: "2021-08-cyberattack", title: "August 2021 cyberattack", disclosedAt: "2021-08-17" },
            category: {
              slug: "former",
              name: "Former customers",
              dataExposed: ["Name", "Date of birth", "Social Security number", "Driver's licence or ID information"],
            },
            remediationUrl: "/remediation/2021-08-cyberattack/former",
            noticeUrl: "/notice/2021-08-cyberattack",
            // A verified check: the number's code from the demo pool (ADR 32).
            offer: {
              provider: "McAfee ID Theft Protection",
              durationMonths: 24,
              enrollUrl: "https://www.mcafee.com/activatetmobile",
              instructions: expect.stringContaining("activation code"),
              code: expect.stringMatching(/^DEMO-FORMER-\d{4}$/),
            },
          },
        ],
      },
    });
    const again = await verify(body.checkId, code);
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: { code: string } }).error.code).toBe("code_used");
  });

  it("gives 4xx with a code and a message for wrong, expired and exhausted codes", async () => {
    const { body, code } = await started("206-555-0102");
    const wrong = code === "000000" ? "111111" : "000000";
    const res = await verify(body.checkId, wrong);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      error: {
        code: "code_incorrect",
        message: "That code is not right. You have 4 more attempts.",
        attemptsRemaining: 4,
      },
    });
    for (let i = 0; i < 4; i++) await verify(body.checkId, wrong);
    const exhausted = await verify(body.checkId, code);
    expect(exhausted.status).toBe(410);
    expect(((await exhausted.json()) as { error: { code: string } }).error.code).toBe("code_exhausted");

    const other = await started("206-555-0103");
    await getDb().phoneCheck.update({
      where: { id: other.body.checkId },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const expired = await verify(other.body.checkId, other.code);
    expect(expired.status).toBe(410);
    expect(((await expired.json()) as { error: { message: string } }).error.message).toMatch(/expired/);
  });

  it("answers 404 for an unknown check", async () => {
    const res = await verify("B".repeat(22), "123456");
    expect(res.status).toBe(404);
  });
});

describe("hostile input", () => {
  beforeEach(() => setEnv({ LOOKUP_MODE: "verified", RATE_LIMITS: "off" }));

  const cases: [string, () => Request, number, string][] = [
    ["malformed JSON", () => post("/api/v1/checks", "{phone:"), 400, "invalid_request"],
    ["a JSON array", () => post("/api/v1/checks", "[1,2]"), 400, "invalid_request"],
    ["JSON null", () => post("/api/v1/checks", "null"), 400, "invalid_request"],
    ["a number where a string belongs", () => post("/api/v1/checks", { phone: 2065550100 }), 400, "invalid_request"],
    ["no phone", () => post("/api/v1/checks", {}), 400, "invalid_phone"],
    ["an invalid number", () => post("/api/v1/checks", { phone: "(000) 555-0142" }), 400, "invalid_phone"],
    ["a 17 kB body", () => post("/api/v1/checks", { phone: "1".repeat(17 * 1024) }), 413, "payload_too_large"],
    [
      "a lying Content-Length",
      () => post("/api/v1/checks", { phone: "2".repeat(20 * 1024) }, { headers: { "content-length": "10" } }),
      413,
      "payload_too_large",
    ],
    [
      "text/plain",
      () => post("/api/v1/checks", { phone: "206" }, { headers: { "content-type": "text/plain" } }),
      415,
      "unsupported_media_type",
    ],
  ];

  it.each(cases)("refuses %s with a clear 4xx", async (_name, request, status, code) => {
    const res = await startRoute(request(), noParams);
    expect(res.status).toBe(status);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe(code);
    expect(body.error.message.length).toBeGreaterThan(10);
  });

  it("says why a number is refused, and never echoes it", async () => {
    const res = await start("206-555-014");
    const text = await res.text();
    expect(text).toContain("too short");
    expect(text).not.toContain("206-555-014");
  });
});

describe("the API in the caller's language (Accept-Language)", () => {
  beforeEach(() => setEnv({ LOOKUP_MODE: "verified", RATE_LIMITS: "off" }));
  const startIn = (language: string, phone: string) =>
    startRoute(post("/api/v1/checks", { phone }, { headers: { "accept-language": language } }), noParams);

  it("texts the code in Spanish to a Spanish-speaking caller, in English otherwise", async () => {
    expect((await startIn("es-US,es;q=0.9", "(206) 555-0131")).status).toBe(202);
    const spanish = await getDb().outboxMessage.findFirst({
      where: { to: { endsWith: "0131" } },
      orderBy: { id: "desc" },
    });
    expect(spanish?.body).toMatch(/^Northwind Mobile: su código de Exposure Check es \d{6}\./);
    expect((await startIn("en-US", "(206) 555-0132")).status).toBe(202);
    const english = await getDb().outboxMessage.findFirst({
      where: { to: { endsWith: "0132" } },
      orderBy: { id: "desc" },
    });
    expect(english?.body).toMatch(/^Northwind Mobile: your Exposure Check code is \d{6}\./);
  });

  it("keeps the error code and words the message in the caller's language", async () => {
    const spanish = await startIn("es", "206-555-014");
    const english = await startIn("en", "206-555-014");
    const [es, en] = [(await spanish.json()) as ErrorJson, (await english.json()) as ErrorJson];
    expect(spanish.status).toBe(400);
    expect(es.error.code).toBe(en.error.code);
    expect(es.error.message).toContain("demasiado corto");
    expect(en.error.message).toContain("too short");
    expect(spanish.headers.get("content-language")).toBe("es");
  });
});

type ErrorJson = { error: { code: string; message: string } };

describe("the result in the caller's language (ADR 36)", () => {
  beforeEach(() => setEnv({ LOOKUP_MODE: "verified", RATE_LIMITS: "off" }));
  const prepaid = DEMO_CATEGORIES[0];
  type Complete = {
    result: { exposures: { incident: { title: string }; category: { name: string }; offer: Offer }[] };
  };
  type Offer = { provider: string; instructions: string; code?: string | null };

  /** Starts and verifies a check of the prepaid demo number with this Accept-Language. */
  async function verifiedIn(language: string | null) {
    const headers = language === null ? undefined : { "accept-language": language };
    const { body, code } = await started("(206) 555-0100");
    const res = await verifyRoute(
      post(`/api/v1/checks/${body.checkId}/verify`, { code }, { headers }),
      ctx({ checkId: body.checkId }),
    );
    expect(res.status).toBe(200);
    return { res, exposure: ((await res.json()) as Complete).result.exposures[0]! };
  }

  it("gives a Spanish caller the offer's instructions and the group in Spanish, the code as it is", async () => {
    const { res, exposure } = await verifiedIn("es-US,es;q=0.9,en;q=0.8");
    expect(res.headers.get("content-language")).toBe("es");
    expect(res.headers.get("vary")).toBe("Accept-Language");
    expect(exposure.incident.title).toBe(DEMO_INCIDENT.es.title);
    expect(exposure.category.name).toBe(prepaid.es.name);
    expect(exposure.offer.instructions).toBe(prepaid.offerText.es.offerInstructions);
    expect(exposure.offer.provider).toBe(prepaid.offerProvider);
    expect(exposure.offer.code).toMatch(/^DEMO-PREPAID-\d{4}$/);
  });

  it("answers in English without Accept-Language, or for a language it does not serve", async () => {
    for (const language of [null, "fr-FR,fr;q=0.9"]) {
      const { res, exposure } = await verifiedIn(language);
      expect(res.headers.get("content-language")).toBe("en");
      expect(exposure.category.name).toBe(prepaid.name);
      expect(exposure.offer.instructions).toBe(prepaid.offerInstructions);
    }
  });

  it("gives the English instructions where the Spanish are missing, the rest still in Spanish", async () => {
    const db = getDb();
    const where = { slug: prepaid.slug, incident: { slug: DEMO_INCIDENT.slug } };
    const { id } = await db.category.findFirstOrThrow({ where, select: { id: true } });
    await db.category.update({ where: { id }, data: { offerText: {} } });
    try {
      const { exposure } = await verifiedIn("es");
      expect(exposure.offer.instructions).toBe(prepaid.offerInstructions);
      expect(exposure.category.name).toBe(prepaid.es.name);
    } finally {
      await db.category.update({ where: { id }, data: { offerText: prepaid.offerText } });
    }
  });

  it("gives the result in Spanish at once in open mode", async () => {
    setEnv({ LOOKUP_MODE: "open" });
    const res = await startRoute(
      post("/api/v1/checks", { phone: "206-555-0100" }, { headers: { "accept-language": "es" } }),
      noParams,
    );
    expect(res.headers.get("content-language")).toBe("es");
    const { offer } = ((await res.json()) as Complete).result.exposures[0]!;
    expect(offer.instructions).toBe(prepaid.offerText.es.offerInstructions);
    expect(offer).not.toHaveProperty("code");
  });
});

describe("rate limits through the API", () => {
  beforeEach(() =>
    setEnv({
      LOOKUP_MODE: "verified",
      RATE_LIMITS: "on",
      RATE_LIMIT_CHECK_PER_IP: "2/900",
      RATE_LIMIT_SEND_PER_NUMBER: "3/3600",
    }),
  );

  it("answers 429 with Retry-After per IP", async () => {
    expect((await start("206-555-0120", "203.0.113.77")).status).toBe(202);
    expect((await start("206-555-0121", "203.0.113.77")).status).toBe(202);
    const limited = await start("206-555-0122", "203.0.113.77");
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(((await limited.json()) as { error: { message: string } }).error.message).toMatch(/Too many attempts/);
    expect((await start("206-555-0122", "203.0.113.78")).status).toBe(202);
  });
});

describe("open mode", () => {
  beforeEach(() => setEnv({ LOOKUP_MODE: "open", RATE_LIMITS: "off" }));

  it("answers 200 complete at once", async () => {
    const res = await start("206-555-0100");
    expect(res.status).toBe(200);
    const body = (await res.json()) as { status: string; result: { affected: boolean; exposures: unknown[] } };
    expect(body.status).toBe("complete");
    expect(body.result.affected).toBe(true);
    expect(body.result.exposures).toHaveLength(1);
  });
});

describe("health and outbox", () => {
  beforeEach(() => setEnv({ LOOKUP_MODE: "verified", RATE_LIMITS: "off" }));

  it("GET /api/health answers 200 while the process serves (liveness)", async () => {
    const res = await healthRoute(new Request("http://localhost/api/health"), noParams);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok" });
  });

  it("GET /api/dev/outbox lists messages newest first with the number masked", async () => {
    await started("206-555-0130");
    await started("206-555-0131");
    const res = await outboxRoute(new Request("http://localhost/api/dev/outbox"), noParams);
    const { messages } = (await res.json()) as { messages: { to: string; body: string; sentAt: string }[] };
    expect(messages[0]!.to).toBe("•••0131");
    expect(messages[1]!.to).toBe("•••0130");
    expect(JSON.stringify(messages)).not.toContain("2065550131");
    expect(messages[0]!.body).toMatch(/code is \d{6}/);
  });
});

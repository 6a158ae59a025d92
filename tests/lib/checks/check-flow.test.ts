import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { startCheck } from "@/lib/checks/start-check";
import { verifyCheck } from "@/lib/checks/verify-check";
import { CODE_TTL_MS } from "@/lib/checks/codes";
import { AppError } from "@/lib/errors";
import { lastCodeFor, limits, makeDeps, testClock } from "@/tests/support/deps";

const IP = "198.51.100.1";

async function codeSent(deps: ReturnType<typeof makeDeps>, phone: string) {
  const outcome = await startCheck(deps, { phone }, IP);
  if (outcome.status !== "code_sent") throw new Error("expected a code to be sent");
  return { ...outcome, code: await lastCodeFor(phone.replace(/\D/g, "").slice(-4)) };
}

async function failure(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  if (!(e instanceof AppError)) throw new Error(`expected an AppError, got ${String(e)}`);
  return e;
}

describe("verified check", () => {
  it("sends a code and reveals the result only for the right code", async () => {
    const deps = makeDeps();
    const { checkId, expiresAt, maskedPhone, code } = await codeSent(deps, "(206) 555-0100");
    expect(checkId).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(maskedPhone).toBe("•••0100");
    expect(new Date(expiresAt).getTime() - Date.now()).toBeGreaterThan(CODE_TTL_MS - 60_000);
    const result = await verifyCheck(deps, checkId, { code }, IP);
    expect(result.affected).toBe(true);
    expect(result.phone).toBe("+12065550100");
    expect(result.exposures.map((x) => x.category.slug)).toEqual(["prepaid"]);
  });

  it("stores no raw number and no clear code for a pending check", async () => {
    const deps = makeDeps();
    const { checkId, code } = await codeSent(deps, "206-555-0101");
    const row = await getDb().phoneCheck.findUniqueOrThrow({ where: { id: checkId } });
    const stored = Buffer.concat([Buffer.from(row.sealedPhone!), Buffer.from(row.codeHash)]).toString("latin1");
    expect(stored).not.toContain("2065550101");
    expect(stored).not.toContain(code);
    await verifyCheck(deps, checkId, { code }, IP);
    const done = await getDb().phoneCheck.findUniqueOrThrow({ where: { id: checkId } });
    expect(done.sealedPhone).toBeNull();
    expect(done.completedAt).not.toBeNull();
  });

  it("refuses a wrong code, says how many tries are left, and still takes the right one", async () => {
    const deps = makeDeps();
    const { checkId, code } = await codeSent(deps, "206 555 0102");
    const wrong = code === "000000" ? "111111" : "000000";
    const e = await failure(verifyCheck(deps, checkId, { code: wrong }, IP));
    expect(e.code).toBe("code_incorrect");
    expect(e.status).toBe(400);
    expect(e.details.attemptsRemaining).toBe(4);
    expect((await verifyCheck(deps, checkId, { code: ` ${code.slice(0, 3)} ${code.slice(3)} ` }, IP)).affected).toBe(
      true,
    );
  });

  it("refuses an expired code", async () => {
    const clock = testClock();
    const deps = makeDeps({ now: clock.now });
    const { checkId, code } = await codeSent(deps, "+1 206 555 0103");
    clock.advance(CODE_TTL_MS + 1000);
    expect((await failure(verifyCheck(deps, checkId, { code }, IP))).code).toBe("code_expired");
  });

  it("refuses a code used once already", async () => {
    const deps = makeDeps();
    const { checkId, code } = await codeSent(deps, "2065550199");
    expect((await verifyCheck(deps, checkId, { code }, IP)).affected).toBe(false);
    const e = await failure(verifyCheck(deps, checkId, { code }, IP));
    expect([e.code, e.status]).toEqual(["code_used", 409]);
  });

  it("stops after 5 wrong codes, even for the right one", async () => {
    const deps = makeDeps();
    const { checkId, code } = await codeSent(deps, "206.555.0104");
    const wrong = code === "999999" ? "888888" : "999999";
    const remaining: (number | undefined)[] = [];
    for (let i = 0; i < 5; i++)
      remaining.push((await failure(verifyCheck(deps, checkId, { code: wrong }, IP))).details.attemptsRemaining);
    expect(remaining).toEqual([4, 3, 2, 1, 0]);
    const e = await failure(verifyCheck(deps, checkId, { code }, IP));
    expect([e.code, e.status]).toEqual(["code_exhausted", 410]);
  });

  it("counts parallel guesses atomically: never more than 5 tries", async () => {
    const deps = makeDeps();
    const { checkId, code } = await codeSent(deps, "206.555.0105");
    const wrong = code === "999999" ? "888888" : "999999";
    const errors = await Promise.all(
      Array.from({ length: 12 }, () => failure(verifyCheck(deps, checkId, { code: wrong }, IP))),
    );
    expect(errors.filter((e) => e.code === "code_incorrect")).toHaveLength(5);
    expect(errors.filter((e) => e.code === "code_exhausted")).toHaveLength(7);
    expect((await getDb().phoneCheck.findUniqueOrThrow({ where: { id: checkId } })).attempts).toBe(5);
  });

  it("answers check_not_found for unknown or malformed check ids", async () => {
    const deps = makeDeps();
    expect((await failure(verifyCheck(deps, "A".repeat(22), { code: "123456" }, IP))).code).toBe("check_not_found");
    expect((await failure(verifyCheck(deps, "../../etc/passwd", { code: "123456" }, IP))).code).toBe("check_not_found");
  });

  it("refuses malformed codes before counting a try", async () => {
    const deps = makeDeps();
    const { checkId } = await codeSent(deps, "206.555.0106");
    for (const code of ["12345", "1234567", "abcdef", "", 123456, null]) {
      const e = await failure(verifyCheck(deps, checkId, { code }, IP));
      expect(e.code).toBe("invalid_request");
    }
    expect((await getDb().phoneCheck.findUniqueOrThrow({ where: { id: checkId } })).attempts).toBe(0);
  });

  it("says why a number is refused", async () => {
    const e = await failure(startCheck(makeDeps(), { phone: "555-0142" }, IP));
    expect([e.code, e.status, e.details.problem]).toEqual(["invalid_phone", 400, "too_short"]);
  });
});

describe("rate limits", () => {
  it("limits codes per number, whatever format it is typed in", async () => {
    const deps = makeDeps({ limits: limits({ sendPerNumber: { points: 2, seconds: 3600 } }) });
    await startCheck(deps, { phone: "(206) 555-0107" }, IP);
    await startCheck(deps, { phone: "+1 206 555 0107" }, "198.51.100.2");
    const e = await failure(startCheck(deps, { phone: "206.555.0107" }, "198.51.100.3"));
    expect([e.code, e.status]).toEqual(["rate_limited", 429]);
    expect(e.details.retryAfterSeconds).toBeGreaterThan(3000);
    await expect(startCheck(deps, { phone: "206.555.0108" }, IP)).resolves.toMatchObject({ status: "code_sent" });
  });

  it("limits check starts per IP, counting refused numbers too", async () => {
    const deps = makeDeps({ limits: limits({ checkPerIp: { points: 2, seconds: 900 } }) });
    await failure(startCheck(deps, { phone: "bad" }, "203.0.113.9"));
    await startCheck(deps, { phone: "206.555.0109" }, "203.0.113.9");
    expect((await failure(startCheck(deps, { phone: "206.555.0110" }, "203.0.113.9"))).code).toBe("rate_limited");
    await expect(startCheck(deps, { phone: "206.555.0110" }, "203.0.113.10")).resolves.toMatchObject({
      status: "code_sent",
    });
  });

  it("limits verifications per IP", async () => {
    const deps = makeDeps({ limits: limits({ verifyPerIp: { points: 1, seconds: 900 } }) });
    const { checkId, code } = await codeSent(deps, "206.555.0111");
    const wrong = code === "000000" ? "111111" : "000000";
    expect((await failure(verifyCheck(deps, checkId, { code: wrong }, "203.0.113.20"))).code).toBe("code_incorrect");
    expect((await failure(verifyCheck(deps, checkId, { code }, "203.0.113.20"))).code).toBe("rate_limited");
    expect((await verifyCheck(deps, checkId, { code }, "203.0.113.21")).affected).toBe(false);
  });
});

describe("open mode", () => {
  it("answers at once without sending a code", async () => {
    const deps = makeDeps({ mode: "open" });
    const before = await getDb().outboxMessage.count();
    const outcome = await startCheck(deps, { phone: "206-555-0102" }, IP);
    expect(outcome).toMatchObject({ status: "complete", result: { phone: "+12065550102", affected: true } });
    expect(await getDb().outboxMessage.count()).toBe(before);
  });
});

import { describe, expect, it } from "vitest";
import { startCheck } from "@/lib/checks/start-check";
import { resendCode } from "@/lib/checks/resend-code";
import { verifyCheck } from "@/lib/checks/verify-check";
import { CODE_TTL_MS, MAX_ATTEMPTS } from "@/lib/checks/codes";
import { AppError } from "@/lib/errors";
import { lastCodeFor, limits, makeDeps, testClock } from "@/tests/support/deps";

const IP = "198.51.100.7";

async function started(deps: ReturnType<typeof makeDeps>, phone: string) {
  const outcome = await startCheck(deps, { phone }, IP);
  if (outcome.status !== "code_sent") throw new Error("expected a code to be sent");
  return outcome;
}

const codeOf = (phone: string) => lastCodeFor(phone.slice(-4));

async function failure(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  if (!(e instanceof AppError)) throw new Error(`expected an AppError, got ${String(e)}`);
  return e;
}

describe("a new code on the code step", () => {
  it("texts the same number a new code, which works, while the old one stops", async () => {
    const deps = makeDeps();
    const first = await started(deps, "+12065550120");
    const oldCode = await codeOf("+12065550120");
    const again = await resendCode(deps, first.checkId, IP);
    expect(again.checkId).not.toBe(first.checkId);
    expect(again.maskedPhone).toBe(first.maskedPhone);
    const newCode = await codeOf("+12065550120");
    expect((await failure(verifyCheck(deps, first.checkId, { code: oldCode }, IP))).code).toBe("code_expired");
    const result = await verifyCheck(deps, again.checkId, { code: newCode }, IP);
    expect(result.phone).toBe("+12065550120");
  });

  it("rescues an expired check and one out of tries, without the number", async () => {
    const clock = testClock();
    const deps = makeDeps({ now: clock.now });
    const expired = await started(deps, "+12065550121");
    clock.advance(CODE_TTL_MS + 1000);
    const fresh = await resendCode(deps, expired.checkId, IP);
    expect((await verifyCheck(deps, fresh.checkId, { code: await codeOf("+12065550121") }, IP)).phone).toBe(
      "+12065550121",
    );

    const exhausted = await started(deps, "+12065550122");
    const right = await codeOf("+12065550122");
    const wrong = right === "000000" ? "111111" : "000000";
    for (let i = 0; i < MAX_ATTEMPTS; i++) await failure(verifyCheck(deps, exhausted.checkId, { code: wrong }, IP));
    const rescued = await resendCode(deps, exhausted.checkId, IP);
    expect(rescued.maskedPhone).toBe("•••0122");
  });

  it("refuses a used, unknown or malformed check", async () => {
    const deps = makeDeps();
    const done = await started(deps, "+12065550123");
    await verifyCheck(deps, done.checkId, { code: await codeOf("+12065550123") }, IP);
    expect((await failure(resendCode(deps, done.checkId, IP))).code).toBe("code_used");
    expect((await failure(resendCode(deps, "B".repeat(22), IP))).code).toBe("check_not_found");
    expect((await failure(resendCode(deps, "../x", IP))).code).toBe("check_not_found");
  });

  it("counts against the per-number limit like a start", async () => {
    const deps = makeDeps({ limits: limits({ sendPerNumber: { points: 3, seconds: 3600 } }) });
    const first = await started(deps, "+12065550124");
    const second = await resendCode(deps, first.checkId, IP);
    const third = await resendCode(deps, second.checkId, IP);
    const e = await failure(resendCode(deps, third.checkId, IP));
    expect([e.code, e.status]).toEqual(["rate_limited", 429]);
    // Refused before anything was sent: the last code still works.
    expect((await verifyCheck(deps, third.checkId, { code: await codeOf("+12065550124") }, IP)).phone).toBe(
      "+12065550124",
    );
  });
});

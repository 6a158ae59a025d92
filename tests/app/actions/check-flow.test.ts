import { randomInt } from "node:crypto";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { checkFlowAction } from "@/app/actions/check-flow";
import type { FlowState } from "@/lib/checks/flow-state";
import { MAX_ATTEMPTS } from "@/lib/checks/codes";
import { en } from "@/lib/i18n/messages/en";
import { lastCodeFor } from "@/tests/support/deps";
import { setEnv } from "@/tests/support/api";
import { form } from "@/tests/support/pages";

// The server action reads the client's address from next/headers: each test has its own.
let actionIp = "192.0.2.60";
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": actionIp }) }));

const RESET = {
  LOOKUP_MODE: "verified",
  RATE_LIMITS: "on",
  CHALLENGE: "off",
  SMS_PROVIDER: "outbox",
  SUPPORT_CONTACT: undefined,
  RATE_LIMIT_SEND_PER_NUMBER: undefined,
};
beforeEach(() => {
  setEnv(RESET);
  actionIp = `198.18.${randomInt(256)}.${randomInt(1, 255)}`;
});
afterAll(() => setEnv(RESET));

/** A demo number in an area code no other test file uses, one per call. */
let serial = 100;
const demoNumber = () => `+1808555${String(serial++).padStart(4, "0")}`;

type CodeStep = Extract<FlowState, { step: "code" }>;
const act = (prev: FlowState, fields: Record<string, string>) => checkFlowAction(prev, form(fields));
const fieldsOf = (s: CodeStep) => ({
  checkId: s.checkId,
  maskedPhone: s.maskedPhone,
  expiresInMs: String(s.expiresInMs),
  dead: s.dead ? "1" : "0",
});

async function codeStep(phone: string): Promise<CodeStep> {
  const state = await act({ step: "phone" }, { intent: "start", phone });
  if (state.step !== "code") throw new Error(`expected the code step, got ${JSON.stringify(state)}`);
  return state;
}

describe("the check page's action on the code step", () => {
  it("after the last wrong code keeps the number and sends a new code that works", async () => {
    const phone = demoNumber();
    let state = await codeStep(phone);
    expect(state.expiresInMs).toBeGreaterThan(9 * 60_000);
    const right = await lastCodeFor(phone.slice(-4));
    const wrong = right === "000000" ? "111111" : "000000";
    for (let i = 0; i < MAX_ATTEMPTS; i++) {
      state = (await act(state, { intent: "verify", ...fieldsOf(state), code: wrong })) as CodeStep;
      expect(state.step).toBe("code");
    }
    expect(state).toMatchObject({ dead: true, error: en.code.exhausted });

    const fresh = await act(state, { intent: "resend", ...fieldsOf(state) });
    expect(fresh).toMatchObject({ step: "code", resent: true, maskedPhone: "•••" + phone.slice(-4) });
    const next = fresh as CodeStep;
    expect(next.checkId).not.toBe(state.checkId);
    const done = await act(next, { intent: "verify", ...fieldsOf(next), code: await lastCodeFor(phone.slice(-4)) });
    expect(done).toMatchObject({ step: "result", result: { phone } });
  });

  it("says a malformed code used no try", async () => {
    const state = await codeStep(demoNumber());
    const next = await act(state, { intent: "verify", ...fieldsOf(state), code: "12ab" });
    expect(next).toMatchObject({ step: "code", error: en.errors.code_format, dead: false });
  });

  it("at the limit says when to come back and names the support contact, staying on the step", async () => {
    setEnv({ RATE_LIMIT_SEND_PER_NUMBER: "1/3600", SUPPORT_CONTACT: "Acme Mobile support at 611" });
    const state = await codeStep(demoNumber());
    const next = await act(state, { intent: "resend", ...fieldsOf(state) });
    expect(next).toMatchObject({ step: "code", checkId: state.checkId });
    expect((next as CodeStep).error).toMatch(/try again in \d+ minutes\. If you need help sooner, contact Acme Mobile/);
  });

  it("an unknown check goes back to the number step", async () => {
    const next = await act(
      { step: "phone" },
      { intent: "resend", checkId: "C".repeat(22), maskedPhone: "•••0000", expiresInMs: "1", dead: "0" },
    );
    expect(next).toMatchObject({ step: "phone", error: en.errors.check_not_found });
  });
});

// Step-up (docs/adr/0019): a factor confirmed within ADMIN_STEP_UP_SECONDS, kept on the
// session; refused when older, renewed by a right code, capped on wrong ones.
import { describe, expect, it } from "vitest";
import { confirmStepUp, requireStepUp } from "@/lib/auth/step-up";
import { memoryFailureCap, uncapped } from "@/lib/rate-limit/failure-cap";
import { authDeps, signedIn } from "@/tests/support/admin";
import { testClock } from "@/tests/support/deps";
import { refusal } from "@/tests/support/refusal";
import { freshTotp, totp } from "@/tests/support/totp";
import { uniqueTag } from "@/tests/support/unique-tag";

const meta = { ip: "192.0.2.41" };

describe("step-up", () => {
  it("holds for ADMIN_STEP_UP_SECONDS after a confirmed code, then asks again", async () => {
    const clock = testClock();
    const deps = authDeps({ now: clock.now, stepUpSeconds: 300 });
    const { admin, cookie, secret } = await signedIn("owner", deps);
    await requireStepUp(deps, admin); // enrolment just confirmed a code
    clock.advance(301_000);
    const asked = await refusal(() => requireStepUp(deps, admin));
    expect([asked.code, asked.status]).toEqual(["step_up_required", 403]);
    const wrong = await refusal(() => confirmStepUp(deps, admin, { code: totp(secret, 7) }, cookie, meta));
    expect(wrong.code).toBe("factor_incorrect");
    await expect(requireStepUp(deps, admin)).rejects.toMatchObject({ code: "step_up_required" });
    await confirmStepUp(deps, admin, { code: freshTotp(secret) }, cookie, meta);
    await requireStepUp(deps, admin);
  }, 60_000);

  it("caps wrong codes per user: past the cap even the right one is refused", async () => {
    const deps = authDeps({
      caps: {
        signInFailPerEmail: uncapped,
        stepUpFailPerUser: memoryFailureCap(`step-up-${uniqueTag()}`, { points: 2, seconds: 900 }),
      },
    });
    const { admin, cookie, secret } = await signedIn("owner", deps);
    for (const step of [6, 7])
      await refusal(() => confirmStepUp(deps, admin, { code: totp(secret, step) }, cookie, meta));
    const capped = await refusal(() => confirmStepUp(deps, admin, { code: freshTotp(secret) }, cookie, meta));
    expect(capped.code).toBe("rate_limited");
  }, 60_000);

  it("is not asked under ADMIN_MFA=off of a user without a factor", async () => {
    const deps = authDeps({ mfaRequired: false });
    const { admin } = await signedIn("owner", deps);
    await requireStepUp(deps, { ...admin, secondFactor: false, sessionId: "none" });
  }, 60_000);
});

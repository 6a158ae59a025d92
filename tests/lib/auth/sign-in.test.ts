import { describe, expect, it } from "vitest";
import { currentAdmin } from "@/lib/auth/session";
import { signOut } from "@/lib/auth/sign-in";
import { getDb } from "@/lib/db/client";
import { KNOWN_DEVICE_COOKIE } from "@/lib/auth/known-device";
import { memoryFailureCap, uncapped } from "@/lib/rate-limit/failure-cap";
import { limits, testClock } from "@/tests/support/deps";
import { uniqueTag } from "@/tests/support/unique-tag";
import { authDeps, cookieFrom, makeUser, PASSWORD, signedIn, passwordSignIn } from "@/tests/support/admin";
import { refusal } from "@/tests/support/refusal";

const db = getDb();
const meta = { ip: "192.0.2.10", userAgent: "vitest" };

describe("signIn", () => {
  it("sets an HttpOnly, SameSite cookie with an expiry, backed by a session row, and audits it", async () => {
    const user = await makeUser("viewer");
    const deps = authDeps();
    const { admin, setCookie } = await passwordSignIn(
      deps,
      { email: `  ${user.email.toUpperCase()} `, password: PASSWORD },
      meta,
    );
    expect(admin).toMatchObject({ id: user.id, email: user.email, role: "viewer" });

    const session = setCookie.find((c) => c.startsWith("exposure-admin.session_token="));
    expect(session).toBeDefined();
    expect(session).toMatch(/;\s*HttpOnly/i);
    expect(session).toMatch(/;\s*SameSite=Lax/i);
    expect(session).toMatch(/;\s*Max-Age=28800\b/);
    expect(session).toMatch(/;\s*Path=\//);

    const row = await db.adminSession.findUniqueOrThrow({ where: { id: admin.sessionId } });
    expect(row.userId).toBe(user.id);
    expect(row.ipAddress).toBe("192.0.2.10");
    expect(Math.abs(row.expiresAt.getTime() - (Date.now() + 8 * 3600_000))).toBeLessThan(60_000);
    expect(await currentAdmin(deps, cookieFrom(setCookie))).toMatchObject({
      id: user.id,
      role: "viewer",
      sessionId: row.id,
    });

    const entry = await db.auditLog.findFirst({ where: { actorId: user.id, action: "sign_in" } });
    expect(entry).toMatchObject({ actorEmail: user.email, ip: "192.0.2.10" });
  });

  it("gives the same generic error for a wrong password and an unknown email, and audits both", async () => {
    const user = await makeUser("owner");
    const deps = authDeps();
    const wrong = await refusal(() =>
      passwordSignIn(deps, { email: user.email, password: "not the password at all" }, meta),
    );
    const unknownEmail = `nobody-${uniqueTag()}@example.com`;
    const unknown = await refusal(() => passwordSignIn(deps, { email: unknownEmail, password: PASSWORD }, meta));
    expect(wrong.code).toBe("invalid_credentials");
    expect(unknown.code).toBe("invalid_credentials");
    expect(wrong.status).toBe(401);
    expect(wrong.details).toEqual(unknown.details);

    const failed = await db.auditLog.findMany({
      where: { action: "sign_in_failed", actorEmail: { in: [user.email, unknownEmail] } },
    });
    expect(failed.map((f) => f.actorEmail).sort()).toEqual([unknownEmail, user.email].sort());
    for (const f of failed) {
      expect(f.actorId).toBeNull();
      const text = JSON.stringify({ ...f, id: String(f.id) });
      expect(text).not.toContain("not the password");
      expect(text).not.toContain(PASSWORD);
    }
    expect(await db.adminSession.count({ where: { userId: user.id } })).toBe(0);
  });

  it("refuses malformed input with a 400 naming the field, before any lookup", async () => {
    const e = await refusal(() => passwordSignIn(authDeps(), { email: "not-an-email", password: "" }, meta));
    expect(e.code).toBe("invalid_request");
    expect(e.details.fields).toEqual({ email: "errors.email_invalid", password: "errors.password_required" });
  });

  const capped = (points: number) =>
    authDeps({
      caps: {
        signInFailPerEmail: memoryFailureCap(`sign-in-email-${uniqueTag()}`, { points, seconds: 900 }),
        stepUpFailPerUser: uncapped,
      },
    });
  const wrongOnce = (deps: ReturnType<typeof authDeps>, email: string, i: number) =>
    refusal(() => passwordSignIn(deps, { email, password: `wrong password ${i}` }, { ip: `198.51.100.${i}` }));

  it("counts failed sign-ins per email; past the cap the right password gets a wrong password's answer", async () => {
    const user = await makeUser("importer");
    const deps = capped(3);
    for (let i = 0; i < 3; i++) expect((await wrongOnce(deps, user.email, i)).code).toBe("invalid_credentials");
    const wrong = await wrongOnce(deps, user.email, 7);
    const locked = await refusal(() =>
      passwordSignIn(deps, { email: user.email, password: PASSWORD }, { ip: "198.51.100.9" }),
    );
    // Equal answers: a stranger cannot tell the lock from a miss (both also hash once).
    expect([locked.code, locked.status, locked.details]).toEqual([wrong.code, wrong.status, wrong.details]);
    expect(
      await db.auditLog.count({
        where: { actorEmail: user.email, action: "sign_in_failed", details: { equals: { reason: "rate_limited" } } },
      }),
    ).toBe(2);
  });

  it("forgets an email's failures after a successful sign-in", async () => {
    const user = await makeUser("viewer");
    const deps = capped(3);
    for (let i = 0; i < 2; i++) await wrongOnce(deps, user.email, i);
    await passwordSignIn(deps, { email: user.email, password: PASSWORD }, meta);
    for (let i = 2; i < 4; i++) await wrongOnce(deps, user.email, i);
    expect((await passwordSignIn(deps, { email: user.email, password: PASSWORD }, meta)).admin.id).toBe(user.id);
  });

  it("a stranger's failures do not lock out a device that signed in before", async () => {
    const user = await makeUser("owner");
    const other = await makeUser("owner");
    const deps = capped(3);
    const first = await passwordSignIn(deps, { email: user.email, password: PASSWORD }, meta);
    const device = first.setCookie.find((c) => c.startsWith(`${KNOWN_DEVICE_COOKIE}=`));
    expect(device).toMatch(/HttpOnly/);
    const known = cookieFrom([device!]);
    for (let i = 0; i < 5; i++) await wrongOnce(deps, user.email, i);
    // The owner's browser gets in; the same password from another browser does not.
    const ok = await passwordSignIn(deps, { email: user.email, password: PASSWORD }, meta, known);
    expect(ok.admin.id).toBe(user.id);
    for (let i = 0; i < 5; i++) await wrongOnce(deps, user.email, i);
    const stranger = await refusal(() => passwordSignIn(deps, { email: user.email, password: PASSWORD }, meta));
    expect(stranger.code).toBe("invalid_credentials");
    // The cookie names one account and must carry our signature.
    for (let i = 0; i < 3; i++) await wrongOnce(deps, other.email, i);
    const forged = known.replace(/=(\d+)\.[^;]+/, "=$1.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
    for (const cookie of [known, forged]) {
      const e = await refusal(() => passwordSignIn(deps, { email: other.email, password: PASSWORD }, meta, cookie));
      expect(e.code).toBe("invalid_credentials");
    }
  });

  it("limits attempts per client IP across emails", async () => {
    const deps = authDeps({ limits: limits({ signInPerIp: { points: 2, seconds: 900 } }) });
    await refusal(() => passwordSignIn(deps, { email: "a@example.com", password: "x" }, { ip: "203.0.113.5" }));
    await refusal(() => passwordSignIn(deps, { email: "b@example.com", password: "x" }, { ip: "203.0.113.5" }));
    expect(
      (await refusal(() => passwordSignIn(deps, { email: "c@example.com", password: "x" }, { ip: "203.0.113.5" })))
        .code,
    ).toBe("rate_limited");
    expect(
      (await refusal(() => passwordSignIn(deps, { email: "c@example.com", password: "x" }, { ip: "203.0.113.6" })))
        .code,
    ).toBe("invalid_credentials");
  });
});

describe("sessions", () => {
  it("sign-out deletes the session server-side, so the old cookie no longer works", async () => {
    const deps = authDeps();
    const { admin, cookie } = await signedIn("agent", deps);
    const cleared = await signOut(deps, cookie, meta);
    expect(cleared.some((c) => /^exposure-admin\.session_token=;/.test(c) && /Max-Age=0/.test(c))).toBe(true);
    expect(await db.adminSession.findUnique({ where: { id: admin.sessionId } })).toBeNull();
    expect(await currentAdmin(deps, cookie)).toBeNull();
    expect(await db.auditLog.count({ where: { actorId: admin.id, action: "sign_out" } })).toBe(1);
    expect((await refusal(() => signOut(deps, cookie, meta))).code).toBe("unauthorized");
  });

  it("ends at the fixed expiry even when used", async () => {
    const deps = authDeps();
    const { admin, cookie } = await signedIn("viewer", deps);
    await db.adminSession.update({ where: { id: admin.sessionId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await currentAdmin(deps, cookie)).toBeNull();
  });

  it("ends after the idle timeout, and each use pushes that back", async () => {
    const clock = testClock();
    const deps = authDeps({ now: clock.now, idleSeconds: 1800 });
    const { admin, cookie } = await signedIn("viewer", deps);
    clock.advance(25 * 60_000);
    expect(await currentAdmin(deps, cookie)).not.toBeNull();
    clock.advance(25 * 60_000); // 50 min after sign-in, 25 after the last use
    expect(await currentAdmin(deps, cookie)).not.toBeNull();
    clock.advance(31 * 60_000);
    expect(await currentAdmin(deps, cookie)).toBeNull();
    expect(await db.adminSession.findUnique({ where: { id: admin.sessionId } })).toBeNull();
  });

  it("refuses a forged or tampered cookie", async () => {
    const deps = authDeps();
    const { cookie } = await signedIn("owner", deps);
    const [name, value] = cookie.split("=") as [string, string];
    const [token] = decodeURIComponent(value).split(".");
    expect(await currentAdmin(deps, `${name}=${token}.${"A".repeat(43)}=`)).toBeNull();
    expect(await currentAdmin(deps, `${name}=${token}`)).toBeNull();
    expect(await currentAdmin(deps, "other=1")).toBeNull();
    expect(await currentAdmin(deps, null)).toBeNull();
  });
});

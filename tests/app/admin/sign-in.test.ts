import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { signOutAction } from "@/app/admin/actions";
import AuditLogPage from "@/app/admin/audit/page";
import SignInPage from "@/app/admin/sign-in/page";
import { signInAction } from "@/app/admin/sign-in/actions";
import { setRequestAdapterForTests } from "@/lib/auth/next";
import { recordAgentLookup } from "@/lib/audit/record";
import { getDb } from "@/lib/db/client";
import { en } from "@/lib/i18n/messages/en";
import { cookieFrom, fakeRequest, makeUser, nextInterrupt, PASSWORD, signedIn } from "@/tests/support/admin";
import { setEnv } from "@/tests/support/api";
import { form, render } from "@/tests/support/pages";

const db = getDb();
describe("the sign-in form's action", () => {
  beforeEach(() =>
    setEnv({ RATE_LIMITS: "on", RATE_LIMIT_SIGN_IN_PER_EMAIL: "3/900", RATE_LIMIT_SIGN_IN_PER_IP: "100/900" }),
  );
  afterAll(() => {
    setRequestAdapterForTests(null);
    setEnv({ RATE_LIMIT_SIGN_IN_PER_EMAIL: undefined, RATE_LIMIT_SIGN_IN_PER_IP: undefined });
  });

  it("signs in: sets the session cookie and redirects to the console", async () => {
    const user = await makeUser("viewer");
    const request = fakeRequest({ ip: "198.51.100.20" });
    const digest = await nextInterrupt(() => signInAction({}, form({ email: user.email, password: PASSWORD })));
    expect(digest).toMatch(/^NEXT_REDIRECT;(replace|push);\/admin;/);
    const cookie = request.set.find((c) => c.startsWith("exposure-admin.session_token="));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Max-Age=\d+/);
    expect(await db.adminSession.count({ where: { userId: user.id, ipAddress: "198.51.100.20" } })).toBe(1);

    // Signed in, the sign-in page sends them on to the console.
    fakeRequest({ cookie: cookieFrom(request.set) });
    expect(await nextInterrupt(() => SignInPage())).toMatch(/^NEXT_REDIRECT;(replace|push);\/admin;/);
  });

  it("answers a wrong password and an unknown email with the same generic message", async () => {
    const user = await makeUser("owner");
    fakeRequest();
    const wrong = await signInAction({}, form({ email: user.email, password: "wrong password, long" }));
    const unknown = await signInAction({}, form({ email: "nobody-here@example.com", password: PASSWORD }));
    expect(wrong).toEqual({ email: user.email, error: "Email or password is incorrect." });
    expect(unknown).toEqual({ email: "nobody-here@example.com", error: "Email or password is incorrect." });
  });

  it("answers an email locked by failures exactly like a wrong password", async () => {
    const user = await makeUser("importer");
    fakeRequest();
    const misses = [];
    for (let i = 0; i < 4; i++)
      misses.push(await signInAction({}, form({ email: user.email, password: `guess number ${i}` })));
    const locked = await signInAction({}, form({ email: user.email, password: PASSWORD }));
    expect(locked).toEqual(misses[0]);
    expect(locked.error).toBe(en.errors.invalid_credentials);
  });
});

describe("signing out", () => {
  it("deletes the session, clears the cookie and goes back to the sign-in page", async () => {
    setEnv({ RATE_LIMITS: "off" });
    const { cookie, admin } = await signedIn("agent");
    const request = fakeRequest({ cookie });
    expect(await nextInterrupt(() => signOutAction())).toMatch(/^NEXT_REDIRECT;(replace|push);\/admin\/sign-in;/);
    expect(request.set.some((c) => /^exposure-admin\.session_token=;.*Max-Age=0/i.test(c))).toBe(true);
    expect(await db.adminSession.findUnique({ where: { id: admin.sessionId } })).toBeNull();
    // The old cookie is worth nothing now.
    fakeRequest({ cookie });
    expect(await nextInterrupt(() => signOutAction())).toMatch(/\/admin\/sign-in;/);
  });
});

describe("the audit page", () => {
  it("shows owners the filtered log without phone numbers, and explains a bad filter", async () => {
    setEnv({ RATE_LIMITS: "off" });
    const { cookie, user } = await signedIn("owner");
    await recordAgentLookup(db, { id: user.id, email: user.email }, "+12065550142");
    fakeRequest({ cookie });
    const html = await render(AuditLogPage({ searchParams: Promise.resolve({ actor: user.email }) }));
    // Each entry reads as a sentence, its stored fields folded away below it.
    expect(html).toContain(`${user.email} (owner) looked up a caller’s number ending •••0142`);
    expect(html).toContain(`${user.email} (owner) signed in`);
    expect(html).toMatch(/<details[^>]*><summary[^>]*>Recorded details<\/summary>/);
    expect(html).not.toMatch(/2065550142|555-0142/);
    expect(html).not.toContain("break-all");
    // signedIn() enrols a factor: that entry reads as a sentence too.
    expect(html).toContain(`${user.email} (owner) set up a second factor`);
    expect(html).toMatch(/3 entries, page 1 of 1/);
    // The export link carries the same filter.
    expect(html).toContain(`href="/api/admin/audit/export?actor=${encodeURIComponent(user.email)}"`);

    const bad = await render(
      AuditLogPage({
        searchParams: Promise.resolve({ from: "tomorrow", action: "agent_lookup" }),
      }),
    );
    expect(bad).toContain("Enter a date as YYYY-MM-DD.");
    expect(bad).not.toContain('data-testid="audit-entry"');
  });
});

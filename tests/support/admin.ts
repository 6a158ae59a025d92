import { afterAll, beforeAll } from "vitest";
import { setEnv } from "@/tests/support/api";
import { uniqueTag } from "@/tests/support/unique-tag";
import { createAuth, deriveDeviceKey } from "@/lib/auth/auth";
import type { AuthDeps } from "@/lib/auth/deps";
import { setRequestAdapterForTests } from "@/lib/auth/next";
import type { Role } from "@/lib/auth/permissions";
import { confirmEnrolment, startEnrolment, verifySignInCode } from "@/lib/auth/second-factor";
import { currentAdmin } from "@/lib/auth/session";
import { signIn, type SignedIn } from "@/lib/auth/sign-in";
import type { Admin, RequestMeta } from "@/lib/auth/types";
import { uncapped } from "@/lib/rate-limit/failure-cap";
import { createAdminUser } from "@/lib/auth/users";
import { CLI_ACTOR } from "@/lib/audit/record";
import { getDb } from "@/lib/db/client";
import { noLimits, testKeyring } from "@/tests/support/deps";
import { freshTotp } from "@/tests/support/totp";

export const PASSWORD = "correct horse battery staple";
/** The console's address in unit tests: passkeys are bound to its host and origin. */
export const TEST_PUBLIC_URL = "http://localhost:3000";

/** Auth deps on the unit project's database, signing cookies like the app's services do. */
export function authDeps(overrides: Partial<AuthDeps> = {}): AuthDeps {
  const db = getDb();
  const keyring = testKeyring();
  return {
    db,
    keyring,
    auth: createAuth({
      db,
      keyMaterial: keyring.keyMaterial(),
      maxAgeSeconds: 8 * 3600,
      secureCookies: false,
      publicUrl: TEST_PUBLIC_URL,
    }),
    limits: noLimits,
    caps: { signInFailPerEmail: uncapped, stepUpFailPerUser: uncapped },
    now: () => new Date(),
    idleSeconds: 1800,
    deviceKey: deriveDeviceKey(keyring.keyMaterial()),
    secureCookies: false,
    mfaRequired: true,
    stepUpSeconds: 300,
    ...overrides,
  };
}

/** A new console user with a unique email (tests look audit entries up by it). */
export async function makeUser(role: Role, password = PASSWORD) {
  return createAdminUser(
    getDb(),
    { email: `${role}-${uniqueTag()}@example.com`, role, password },
    { actor: CLI_ACTOR },
  );
}

/** The Cookie header a browser would send after signing in. */
export function cookieFrom(setCookie: string[]): string {
  return setCookie.map((c) => c.split(";")[0]).join("; ");
}

/** A password sign-in that must give a session (a user without a second factor). */
export async function passwordSignIn(
  deps: AuthDeps,
  input: unknown,
  meta: RequestMeta,
  cookieHeader?: string | null,
): Promise<SignedIn> {
  const res = await signIn(deps, input, meta, cookieHeader);
  if (!("admin" in res)) throw new Error("a second factor was asked for");
  return res;
}

/** A full sign-in of a user with a second factor: the password, then a fresh TOTP code. */
export async function factorSignIn(
  deps: AuthDeps,
  input: { email: string; password: string },
  secret: string,
  meta: RequestMeta = { ip: "192.0.2.10" },
): Promise<SignedIn> {
  const res = await signIn(deps, input, meta);
  if ("admin" in res) throw new Error("no second factor was asked for");
  return verifySignInCode(deps, { code: freshTotp(secret) }, cookieFrom(res.setCookie), meta);
}

/**
 * Enrols a TOTP factor for a signed-in user without one, as the enrolment page does, with
 * the code computed by the test (tests/support/totp.ts). Returns the new session's
 * Cookie header and the key, for further codes.
 */
export async function enrol(deps: AuthDeps, admin: Admin, cookie: string, password = PASSWORD) {
  const { secret } = await startEnrolment(deps, admin, { password }, cookie);
  const { setCookie } = await confirmEnrolment(deps, admin, { code: freshTotp(secret) }, cookie, { ip: "192.0.2.10" });
  const next = cookieFrom(setCookie.filter((c) => c.includes(".session_token=")));
  const enrolled = await currentAdmin(deps, next);
  if (!enrolled) throw new Error("enrolment left no session");
  return { cookie: next, secret, admin: enrolled };
}

/**
 * Signs a new user of this role in and enrols their second factor (a fresh step-up
 * with it); returns the user, their Cookie header and their TOTP key.
 */
export async function signedIn(role: Role, deps = authDeps()) {
  const user = await makeUser(role);
  const first = await passwordSignIn(deps, { email: user.email, password: PASSWORD }, { ip: "192.0.2.10" });
  const { cookie, secret, admin } = await enrol(deps, first.admin, cookieFrom(first.setCookie));
  return { user, admin, cookie, secret };
}

/** Makes pages and actions see this request (Cookie header, client IP) and records the cookies they set. */
export function fakeRequest(init: { cookie?: string | null; ip?: string; headers?: Record<string, string> } = {}) {
  const set: string[] = [];
  setRequestAdapterForTests({
    headers: async () => {
      const h = new Headers({ "x-forwarded-for": init.ip ?? "192.0.2.20", "user-agent": "vitest", ...init.headers });
      if (init.cookie) h.set("cookie", init.cookie);
      return h;
    },
    setCookies: async (list) => void set.push(...list),
  });
  return { set };
}

/** The digest Next.js gives redirect(), notFound() and forbidden() errors. */
export async function nextInterrupt(run: () => unknown): Promise<string> {
  try {
    await run();
  } catch (e) {
    const digest = (e as { digest?: unknown }).digest;
    if (typeof digest === "string") return digest;
    throw e;
  }
  return "completed";
}

/**
 * A console test file's setting: rate limits off and Next.js auth interrupts on, undone
 * after its tests. Call it inside the file's describe().
 */
export function consoleTestEnvForFile(): void {
  // The step-up that enrolment gives lasts the whole file, however slow the machine.
  beforeAll(() =>
    setEnv({ RATE_LIMITS: "off", __NEXT_EXPERIMENTAL_AUTH_INTERRUPTS: "true", ADMIN_STEP_UP_SECONDS: "3600" }),
  );
  afterAll(() => {
    setRequestAdapterForTests(null);
    setEnv({ RATE_LIMITS: "on", __NEXT_EXPERIMENTAL_AUTH_INTERRUPTS: undefined, ADMIN_STEP_UP_SECONDS: undefined });
  });
}

/** An owner signed in for a console test file's tests, in consoleTestEnvForFile(). */
export function signedInOwnerForFile(): Awaited<ReturnType<typeof signedIn>> {
  const owner = {} as Awaited<ReturnType<typeof signedIn>>;
  consoleTestEnvForFile();
  beforeAll(async () => {
    Object.assign(owner, await signedIn("owner"));
  });
  return owner;
}

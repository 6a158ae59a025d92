import { afterAll, beforeAll } from "vitest";
import { setEnv } from "@/tests/support/api";
import { uniqueTag } from "@/tests/support/unique-tag";
import { createAuth } from "@/lib/auth/auth";
import type { AuthDeps } from "@/lib/auth/deps";
import { setRequestAdapterForTests } from "@/lib/auth/next";
import type { Role } from "@/lib/auth/permissions";
import { signIn } from "@/lib/auth/sign-in";
import { createAdminUser } from "@/lib/auth/users";
import { CLI_ACTOR } from "@/lib/audit/record";
import { getDb } from "@/lib/db/client";
import { noLimits, testKeyring } from "@/tests/support/deps";

export const PASSWORD = "correct horse battery staple";

/** Auth deps on the unit project's database, signing cookies like the app's services do. */
export function authDeps(overrides: Partial<AuthDeps> = {}): AuthDeps {
  const db = getDb();
  const keyring = testKeyring();
  return {
    db,
    keyring,
    auth: createAuth({ db, keyMaterial: keyring.keyMaterial(), maxAgeSeconds: 8 * 3600, secureCookies: false }),
    limits: noLimits,
    now: () => new Date(),
    idleSeconds: 1800,
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

/** Signs a new user of this role in; returns the user and their Cookie header. */
export async function signedIn(role: Role, deps = authDeps()) {
  const user = await makeUser(role);
  const { setCookie, admin } = await signIn(deps, { email: user.email, password: PASSWORD }, { ip: "192.0.2.10" });
  return { user, admin, cookie: cookieFrom(setCookie) };
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
  beforeAll(() => setEnv({ RATE_LIMITS: "off", __NEXT_EXPERIMENTAL_AUTH_INTERRUPTS: "true" }));
  afterAll(() => {
    setRequestAdapterForTests(null);
    setEnv({ RATE_LIMITS: "on", __NEXT_EXPERIMENTAL_AUTH_INTERRUPTS: undefined });
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

// Every console entry point refuses without a session and with a weaker role, called
// in-process with each role. The entry points are also discovered from the file system
// here (a quick check); the list that cannot miss a door comes from the build's
// manifests, in tests/e2e/access.test.ts. Both read the table in
// tests/support/access-table.ts.
import { readdirSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { can, ROLES, type Permission, type Role } from "@/lib/auth/permissions";
import { ACCESS as ALL_DOORS, type Access } from "@/tests/support/access-table";
import { consoleTestEnvForFile, fakeRequest, nextInterrupt, signedIn } from "@/tests/support/admin";

/** The console's doors: those this file finds on disk and can call in-process. */
const CONSOLE = /^app\/(admin|api\/admin)\//;
const ACCESS: Record<string, Access> = Object.fromEntries(Object.entries(ALL_DOORS).filter(([k]) => CONSOLE.test(k)));

const root = path.resolve(__dirname, "../../..");
const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];
const SIGN_IN_REDIRECT = /^NEXT_REDIRECT;(replace|push);\/admin\/sign-in;\d+;/;
const FORBIDDEN = "NEXT_HTTP_ERROR_FALLBACK;403";

function files(dir: string, name: RegExp): string[] {
  return (readdirSync(path.join(root, dir), { recursive: true }) as string[])
    .filter((f) => name.test(path.basename(f)))
    .map((f) => path.join(dir, f).split(path.sep).join("/"));
}

/** Values for dynamic segments ([slug]), so an allowed role gets the page, not a 404. */
const SEGMENTS: Record<string, string> = { slug: "2021-08-cyberattack", category: "prepaid" };
const paramsOf = (file: string) =>
  Object.fromEntries([...file.matchAll(/\[(\w+)\]/g)].map(([, k]) => [k!, SEGMENTS[k!] ?? ""]));

const load = (file: string) => import(path.join(root, file)) as Promise<Record<string, unknown>>;

async function entryPoints(): Promise<string[]> {
  const found = files("app/admin", /^page\.tsx$/);
  for (const file of files("app/api/admin", /^route\.ts$/)) {
    const mod = await load(file);
    found.push(...HTTP_METHODS.filter((m) => typeof mod[m] === "function").map((m) => `${file}#${m}`));
  }
  for (const file of files("app/admin", /^actions\.ts$/)) {
    const mod = await load(file);
    found.push(
      ...Object.keys(mod)
        .filter((k) => typeof mod[k] === "function")
        .map((k) => `${file}#${k}`),
    );
  }
  return found.sort();
}

/** Calls an entry point as Next would, with whatever session fakeRequest() set up. */
async function call(key: string, cookie: string | null): Promise<{ status?: number; digest: string }> {
  const [file, name] = key.split("#") as [string, string | undefined];
  const mod = await load(file);
  if (!name) {
    const page = mod.default as (props: unknown) => unknown;
    return {
      digest: await nextInterrupt(() =>
        page({ params: Promise.resolve(paramsOf(file)), searchParams: Promise.resolve({}) }),
      ),
    };
  }
  if (file.endsWith("route.ts")) {
    const handler = mod[name] as (req: Request, ctx: unknown) => Promise<Response>;
    const req = new Request(`http://localhost/${file}`, { method: name, headers: cookie ? { cookie } : {} });
    return { status: (await handler(req, { params: Promise.resolve({}) })).status, digest: "" };
  }
  const action = mod[name] as (...args: unknown[]) => unknown;
  return { digest: await nextInterrupt(() => action(undefined, new FormData())) };
}

const cookies = new Map<Role, string>();

describe("console access", () => {
  consoleTestEnvForFile();
  beforeAll(async () => {
    for (const role of ROLES) cookies.set(role, (await signedIn(role)).cookie);
  });

  it("knows every admin page, API route and server action", async () => {
    expect(await entryPoints()).toEqual(Object.keys(ACCESS).sort());
  });

  const guarded = Object.entries(ACCESS).filter(([, access]) => access !== "public");

  it.each(guarded)("%s refuses without a session", async (key) => {
    for (const cookie of [null, "exposure-admin.session_token=forged.c2lnbmF0dXJl"]) {
      fakeRequest({ cookie });
      const result = await call(key, cookie);
      if (key.includes("route.ts#")) expect(result.status).toBe(401);
      else expect(result.digest).toMatch(SIGN_IN_REDIRECT);
    }
  });

  it.each(guarded)("%s refuses every weaker role and lets the others in", async (key, access) => {
    for (const role of ROLES) {
      const allowed = access === "signed-in" || can(role, access as Permission);
      if (allowed && !key.endsWith(".tsx") && !key.includes("route.ts#")) continue; // actions act: tested on their own
      const cookie = cookies.get(role)!;
      fakeRequest({ cookie });
      const result = await call(key, cookie);
      // Let in: past the guard (the route's own input checks may still answer 4xx).
      if (key.includes("route.ts#"))
        expect([role, allowed ? ![401, 403].includes(result.status!) : result.status]).toEqual([
          role,
          allowed ? true : 403,
        ]);
      else expect([role, result.digest]).toEqual([role, allowed ? "completed" : FORBIDDEN]);
    }
  });

  it("keeps public only the sign-in pages and their actions", () => {
    expect(Object.keys(ACCESS).filter((k) => ACCESS[k] === "public")).toEqual([
      "app/admin/sign-in/page.tsx",
      "app/admin/sign-in/factor/page.tsx",
      "app/admin/sign-in/actions.ts#verifyFactorAction",
      "app/admin/sign-in/actions.ts#signInPasskeyOptionsAction",
      "app/admin/sign-in/actions.ts#verifySignInPasskeyAction",
      "app/admin/sign-in/actions.ts#signInAction",
    ]);
  });
});

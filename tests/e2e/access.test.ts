// Every door the built app serves, from Next's own manifests (pages, route handlers and
// server actions: tests/support/manifest-doors.ts), must be in the access table
// (tests/support/access-table.ts), and each is knocked on over HTTP, as a browser would:
// without a session, and signed in with each role. It runs here because it needs the
// build, which this project's app start makes anyway (a unit test would build again).
import { spawn } from "node:child_process";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { can, ROLES, type Permission, type Role } from "@/lib/auth/permissions";
import { ACCESS, type Access } from "@/tests/support/access-table";
import {
  doorsFromManifests,
  readManifests,
  sourceExists,
  staleEntries,
  undeclaredDoors,
  type Door,
} from "@/tests/support/manifest-doors";
import { hasChromium, inCi, launchChromium, root, startApp, type RunningApp } from "@/tests/support/e2e";
import { signInAndEnrol } from "@/tests/support/console-e2e";

const PASSWORD = "a long enough passphrase for access";

/** Values for dynamic segments, so an allowed role gets the page rather than a 404. */
const SEGMENTS: Record<string, string> = {
  slug: "2021-08-cyberattack",
  incident: "2021-08-cyberattack",
  category: "prepaid",
  phone: "%2B12065550100",
  checkId: "00000000-0000-4000-8000-000000000000",
  batchId: "1",
  id: "AAAAAAAAAAAAAAAAAAAAAA",
};
const fill = (p: string) => p.replace(/\[(\w+)\]/g, (_, k: string) => SEGMENTS[k] ?? "x");

function createUser(app: RunningApp, email: string, role: Role): Promise<number> {
  return new Promise((resolve) => {
    const c = spawn(
      process.execPath,
      ["--import", "tsx", "scripts/admin.ts", "create-user", "--email", email, "--role", role, "--password-stdin"],
      { cwd: root, env: app.env, stdio: ["pipe", "ignore", "inherit"] },
    );
    c.on("exit", (code) => resolve(code ?? 1));
    c.stdin!.end(`${PASSWORD}\n`);
  });
}

type Knock = { status: number; location: string };

describe.skipIf(!hasChromium && !inCi)("every door the build serves", () => {
  let app: RunningApp;
  let browser: Browser;
  let doors: Door[];
  const cookies = new Map<Role, string>();

  beforeAll(async () => {
    app = await startApp();
    doors = doorsFromManifests(readManifests(root), sourceExists(root));
    browser = await launchChromium();
    for (const role of ROLES) {
      const email = `access-${role}@example.com`;
      expect(await createUser(app, email, role)).toBe(0);
      const ctx = await browser.newContext();
      const page = await ctx.newPage();
      await signInAndEnrol(page, app.base, email, PASSWORD);
      cookies.set(role, (await ctx.cookies()).map((c) => `${c.name}=${c.value}`).join("; "));
      await ctx.close();
    }
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    if (process.env.E2E_DEBUG) console.log(app?.output().slice(-4000));
    await app?.stop();
  });

  async function knock(method: string, url: string, cookie: string | null, action?: string): Promise<Knock> {
    const headers: Record<string, string> = cookie ? { cookie } : {};
    // A server action as React calls it: its id in Next-Action, its arguments (none) as the body.
    if (action) Object.assign(headers, { "next-action": action, "content-type": "text/plain;charset=UTF-8" });
    const res = await fetch(`${app.base}${url}`, {
      method,
      headers,
      redirect: "manual",
      body: action ? "[]" : undefined,
    });
    await res.arrayBuffer();
    return { status: res.status, location: res.headers.get("location") ?? res.headers.get("x-action-redirect") ?? "" };
  }

  /** Every (method, url, action id) by which a door is reached. */
  function ways(door: Door): { key: string; method: string; url: string; action?: string }[] {
    if (door.kind === "page") return [{ key: door.key, method: "GET", url: fill(door.path) }];
    if (door.kind === "action") return [{ key: door.key, method: "POST", url: fill(door.page), action: door.id }];
    return Object.keys(ACCESS)
      .filter((k) => k.startsWith(`${door.file}#`))
      .map((key) => ({ key, method: key.split("#")[1]!, url: fill(door.path) }));
  }

  const toSignIn = (k: Knock) => k.location.includes("/admin/sign-in");
  const refusedWithoutSession = (access: Access, kind: Door["kind"], k: Knock) =>
    access === "api-key" ? k.status === 401 : kind === "route" ? k.status === 401 : toSignIn(k);

  it("lists each of them in the access table, and nothing else", () => {
    expect(doors.length).toBeGreaterThan(30);
    expect(undeclaredDoors(doors, ACCESS)).toEqual([]);
    expect(staleEntries(doors, ACCESS)).toEqual([]);
  });

  it("refuses a guarded door without a session, and opens a public one", async () => {
    const seen: [string, boolean][] = [];
    for (const door of doors)
      for (const way of ways(door)) {
        const access = ACCESS[way.key]!;
        // A loaded machine may shed a knock (503, Retry-After): knock again, as a client would.
        let k = await knock(way.method, way.url, null, way.action);
        for (let i = 0; i < 20 && k.status === 503; i++) {
          await new Promise((r) => setTimeout(r, 500));
          k = await knock(way.method, way.url, null, way.action);
        }
        expect(k.status, `${way.method} ${way.url}`).not.toBe(405);
        if (access === "public") {
          // Public: not sent to sign-in nor refused. (Called without input, a public action
          // or Next's error page may answer 4xx or 500: the door is open all the same.)
          seen.push([way.key, !toSignIn(k) && ![401, 403].includes(k.status)]);
        } else {
          seen.push([way.key, refusedWithoutSession(access, door.kind, k)]);
        }
      }
    expect(seen.filter(([, ok]) => !ok)).toEqual([]);
  }, 300_000);

  it("refuses a console door to every role without its permission, and lets the others past", async () => {
    const wrong: unknown[] = [];
    for (const door of doors)
      for (const way of ways(door)) {
        const access = ACCESS[way.key]!;
        if (access === "public" || access === "api-key") continue;
        for (const role of ROLES) {
          const allowed = access === "signed-in" || can(role, access as Permission);
          if (allowed && door.kind === "action") continue; // actions act: tested on their own
          const k = await knock(way.method, way.url, cookies.get(role)!, way.action);
          const ok = allowed ? ![401, 403].includes(k.status) && !toSignIn(k) : k.status === 403;
          if (!ok) wrong.push({ door: way.key, role, status: k.status, location: k.location });
        }
      }
    expect(wrong).toEqual([]);
  }, 300_000);
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { route } from "@/lib/services";
import { json } from "@/lib/http/respond";
import { signedIn } from "@/tests/support/admin";
import { noParams, setEnv } from "@/tests/support/api";

const get = (cookie?: string) =>
  new Request("http://localhost/api/admin/example", {
    headers: { "x-forwarded-for": "192.0.2.1", ...(cookie ? { cookie } : {}) },
  });

// A route guarded like every console route: the handler must not run unless allowed.
let ran = 0;
const guarded = route(
  async ({ admin }) => {
    ran++;
    return json({ email: admin.email });
  },
  { permission: "imports:run" },
);

describe("route({ permission })", () => {
  beforeAll(() => setEnv({ RATE_LIMITS: "off" }));
  afterAll(() => setEnv({ RATE_LIMITS: "on" }));

  it("answers 401 without a session, without running the handler", async () => {
    const res = await guarded(get(), noParams);
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: { code: "unauthorized", message: "Sign in to the console first." } });
    expect(ran).toBe(0);
  });

  it("answers 401 for a cookie whose session is gone", async () => {
    const res = await guarded(get("exposure-admin.session_token=made-up.c2lnbmF0dXJl"), noParams);
    expect(res.status).toBe(401);
  });

  it("answers 403 to a role without the permission", async () => {
    for (const role of ["agent", "viewer"] as const) {
      const { cookie } = await signedIn(role);
      const res = await guarded(get(cookie), noParams);
      expect(res.status).toBe(403);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("forbidden");
    }
    expect(ran).toBe(0);
  });

  it("runs the handler with the signed-in user for a role that has it", async () => {
    for (const role of ["importer", "owner"] as const) {
      const { cookie, user } = await signedIn(role);
      const res = await guarded(get(cookie), noParams);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ email: user.email });
    }
    expect(ran).toBe(2);
  });
});

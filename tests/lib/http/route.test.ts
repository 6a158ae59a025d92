// The route wrapper on its own, with fakes for what the app's wiring injects (the wired
// one, with console sessions: tests/lib/auth/route.test.ts).
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { json } from "@/lib/http/respond";
import { createRoute } from "@/lib/http/route";
import { ctx, noParams } from "@/tests/support/api";

type Permission = "read" | "write";

function wrapper(hops = 0, ipv6PrefixLength = 64) {
  const asked: Permission[] = [];
  const route = createRoute<Permission, { name: string }>({
    trustProxyHops: () => hops,
    ipv6PrefixLength: () => ipv6PrefixLength,
    authorize: async (req, permission) => {
      asked.push(permission);
      if (req.headers.get("cookie") !== "ok") throw new AppError("unauthorized");
      return { name: `user who may ${permission}` };
    },
  });
  return { route, asked };
}

const get = (headers: Record<string, string> = {}) =>
  new Request("http://localhost/api/example", {
    headers: { "x-forwarded-for": "198.51.100.1, 192.0.2.7", ...headers },
  });

describe("createRoute", () => {
  it("gives the handler the client address, as far as the injected hop count trusts it", async () => {
    for (const [hops, ip] of [
      [0, "192.0.2.7"],
      [1, "198.51.100.1"],
    ] as const) {
      const { route } = wrapper(hops);
      const res = await route(async ({ ip }) => json({ ip }))(get(), noParams);
      expect(await res.json()).toEqual({ ip });
    }
  });

  it("gives the client's group: an IPv4 address, an IPv6 client's /64 (or the configured prefix)", async () => {
    for (const [xff, prefix, group] of [
      ["192.0.2.7", 64, "192.0.2.7"],
      ["2001:db8:1:2:aaaa::7", 64, "2001:db8:1:2::/64"],
      ["[2001:db8:1:2:bbbb::9]:443", 64, "2001:db8:1:2::/64"],
      ["2001:db8:1:2:aaaa::7", 48, "2001:db8:1::/48"],
      ["::ffff:192.0.2.7", 64, "192.0.2.7"],
    ] as const) {
      const { route } = wrapper(0, prefix);
      const res = await route(async ({ ip, group }) => json({ ip, group }))(get({ "x-forwarded-for": xff }), noParams);
      expect(await res.json(), xff).toMatchObject({ group });
    }
  });

  it("asks nothing of authorize without a permission", async () => {
    const { route, asked } = wrapper();
    const res = await route<{ id: string }>(async ({ admin, params }) => json({ admin, params }))(
      get(),
      ctx({ id: "7" }),
    );
    expect(await res.json()).toEqual({ admin: null, params: { id: "7" } });
    expect(asked).toEqual([]);
  });

  it("passes the permission to authorize and its caller to the handler", async () => {
    const { route, asked } = wrapper();
    const res = await route(async ({ admin }) => json({ admin }), { permission: "write" })(
      get({ cookie: "ok" }),
      noParams,
    );
    expect(await res.json()).toEqual({ admin: { name: "user who may write" } });
    expect(asked).toEqual(["write"]);
  });

  it("answers authorize's refusal without running the handler", async () => {
    const { route } = wrapper();
    let ran = false;
    const res = await route(
      async () => {
        ran = true;
        return json({});
      },
      { permission: "read" },
    )(get(), noParams);
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("unauthorized");
    expect(ran).toBe(false);
  });

  it("maps an AppError to its status and anything else to 500", async () => {
    const { route } = wrapper();
    const refused = await route(async () => {
      throw new AppError("not_found");
    })(get(), noParams);
    expect(refused.status).toBe(404);
    const broken = await route(async () => {
      throw new Error("bug");
    })(get(), noParams);
    expect([broken.status, ((await broken.json()) as { error: { code: string } }).error.code]).toEqual([
      500,
      "internal",
    ]);
  });
});

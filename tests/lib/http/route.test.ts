// The route wrapper on its own, with fakes for what the app's wiring injects (the wired
// one, with console sessions: tests/lib/auth/route.test.ts).
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { json } from "@/lib/http/respond";
import { createRoute } from "@/lib/http/route";
import { en } from "@/lib/i18n/messages/en";
import { es } from "@/lib/i18n/messages/es";
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

  it("answers an error's message in the caller's language, with the same code", async () => {
    const { route } = wrapper();
    const failing = route(async () => {
      throw new AppError("rate_limited", { retryAfterSeconds: 120 });
    });
    const answer = async (headers: Record<string, string>) => {
      const res = await failing(get(headers), noParams);
      const body = (await res.json()) as { error: { code: string; message: string } };
      return { ...body.error, language: res.headers.get("content-language"), vary: res.headers.get("vary") };
    };
    const spanish = await answer({ "accept-language": "es-US,es;q=0.9,en;q=0.5" });
    const english = await answer({ "accept-language": "fr, en;q=0.5" });
    const none = await answer({});
    expect(spanish).toMatchObject({ code: "rate_limited", language: "es", vary: "Accept-Language" });
    expect(spanish.message).toBe(
      es.errors.rate_limited.replace("{minutes, plural, one {un minuto} other {# minutos}}", "2 minutos"),
    );
    expect(english).toMatchObject({ code: "rate_limited", language: "en" });
    expect(english.message).toBe(
      en.errors.rate_limited.replace("{minutes, plural, one {a minute} other {# minutes}}", "2 minutes"),
    );
    expect(none.message).toBe(english.message);
  });

  describe("refuses console writes a browser sent from another site", () => {
    const post = (method: string, headers: Record<string, string>) =>
      new Request("http://localhost/api/example", { method, headers: { cookie: "ok", ...headers } });
    const answer = async (req: Request) => {
      const { route, asked } = wrapper();
      let ran = false;
      const res = await route(
        async () => {
          ran = true;
          return json({});
        },
        { permission: "write" },
      )(req, noParams);
      const code = res.status === 200 ? "ran" : ((await res.json()) as { error: { code: string } }).error.code;
      return { status: res.status, code, ran, asked: asked.length };
    };

    it.each(["POST", "PUT", "PATCH", "DELETE"])("%s with a foreign Origin or Sec-Fetch-Site: 403", async (method) => {
      const cases: Record<string, string>[] = [
        { host: "console.example", origin: "https://evil.example" },
        { host: "console.example", origin: "null" },
        { host: "console.example", "sec-fetch-site": "cross-site" },
        { host: "console.example", "sec-fetch-site": "cross-site", origin: "https://console.example" },
        { host: "console.example", "x-forwarded-host": "check.example", origin: "https://console.example" },
      ];
      for (const headers of cases) {
        expect([headers, await answer(post(method, headers))]).toEqual([
          headers,
          { status: 403, code: "cross_site_request", ran: false, asked: 0 },
        ]);
      }
    });

    it("lets same-origin writes, scripts without browser headers and every read through", async () => {
      for (const [method, headers] of [
        ["POST", { host: "console.example", origin: "https://console.example", "sec-fetch-site": "same-origin" }],
        ["POST", { host: "console.example:3000", origin: "http://console.example:3000" }],
        ["POST", { host: "internal:3000", "x-forwarded-host": "console.example", origin: "https://console.example" }],
        ["POST", {}],
        ["GET", { host: "console.example", origin: "https://evil.example", "sec-fetch-site": "cross-site" }],
        ["HEAD", { host: "console.example", "sec-fetch-site": "cross-site" }],
      ] as const) {
        expect([method, headers, await answer(post(method, headers))]).toEqual([
          method,
          headers,
          { status: 200, code: "ran", ran: true, asked: 1 },
        ]);
      }
    });

    it("leaves routes without a permission to themselves", async () => {
      const { route } = wrapper();
      const res = await route(async () => json({ ok: true }))(
        post("POST", { host: "console.example", origin: "https://evil.example" }),
        noParams,
      );
      expect(res.status).toBe(200);
    });
  });
});

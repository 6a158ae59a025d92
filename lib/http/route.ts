import { clientGroup } from "@/lib/http/client-group";
import { clientIp } from "@/lib/http/client-ip";
import { errorAnswer, errorResponse, toResponse, type Answer } from "@/lib/http/respond";
import { acceptedLocale, DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locale";
import { AppError } from "@/lib/errors";
import { readJson } from "@/lib/http/read-json";
import { isCrossSiteWrite } from "@/lib/http/same-origin";

export type RouteContext<P, A = null> = {
  req: Request;
  params: P;
  /** The client's address (audit entries). */
  ip: string;
  /** What per-client limits count: the address, or an IPv6 client's /64 (lib/http/client-group.ts). */
  group: string;
  /** The JSON body, size-limited; throws 413/415/400 AppErrors. */
  body: () => Promise<unknown>;
  /** The caller's language by Accept-Language: error messages and texted codes use it (ADR 29). */
  locale: Locale;
  /** The signed-in console user (routes with a permission only). */
  admin: A;
};

/**
 * What the wrapper is given by the app's wiring (lib/services.ts), so that it knows no
 * configuration, services or sign-in of its own.
 */
export type RouteDeps<Permission, Principal> = {
  /** Proxies in front of the app that append to X-Forwarded-For, read on each request. */
  trustProxyHops: () => number;
  /** IPv6 clients are grouped by this prefix length (RATE_LIMIT_IPV6_PREFIX). */
  ipv6PrefixLength: () => number;
  /** The caller of a console route if it has the permission; else throws (401, 403). */
  authorize: (req: Request, permission: Permission) => Promise<Principal>;
};

type NextContext<P> = { params: Promise<P> };
type NextHandler<P> = (req: Request, context: NextContext<P>) => Promise<Response>;

/** What the wrapper reads of a request, whether Next.js's web Request or the lean server's Node request. */
export type RequestView = { header: (name: string) => string | null; body: () => Promise<unknown> };

/** A public route's context without the web Request: what an endpoint is given. */
export type EndpointContext<P> = Omit<RouteContext<P>, "req" | "admin">;

/**
 * A public route that answers with an Answer, mounted twice by the same wrapper: `next`
 * as the app's route, `answer` by the HTTP server ahead of Next.js on a RequestView
 * (lib/http/lean-server.ts; docs/adr/0042-lean-check-path.md).
 */
export type Endpoint<P> = {
  next: NextHandler<P>;
  answer: (view: RequestView, params: P) => Promise<Answer>;
};

/**
 * Makes the one wrapper around every API route: client address, body limits and error
 * mapping (AppError → 4xx JSON, anything else → logged 500). With { permission } it is
 * also where console routes are guarded: `authorize` refuses (401 without a valid
 * session, 403 for a role without the permission) before the handler runs, and a
 * state-changing request a browser sent from another site is refused with 403
 * `cross_site_request` before the session is even read (lib/http/same-origin.ts). (The
 * integration API's key check is `authorizeApiKey`, called by its one endpoint:
 * lib/http/exposures-endpoint.ts.)
 */
export function createRoute<Permission, Principal>(deps: RouteDeps<Permission, Principal>) {
  function route<P = Record<string, never>>(handler: (ctx: RouteContext<P>) => Promise<Response>): NextHandler<P>;
  function route<P = Record<string, never>>(
    handler: (ctx: RouteContext<P, Principal>) => Promise<Response>,
    options: { permission: Permission },
  ): NextHandler<P>;
  function route<P>(
    handler: (ctx: RouteContext<P, never>) => Promise<Response>,
    options?: { permission: Permission },
  ): NextHandler<P> {
    return async (req, context) => {
      const locale = localeOf(req.headers);
      try {
        const params = (await context?.params) ?? ({} as P);
        const { ip, group } = callerOf(req.headers);
        if (options && isCrossSiteWrite(req)) throw new AppError("cross_site_request");
        const admin = options ? await deps.authorize(req, options.permission) : null;
        // admin is set exactly when a permission was given: the overloads tie them.
        return await handler({ req, params, ip, group, body: () => readJson(req), locale, admin } as RouteContext<
          P,
          never
        >);
      } catch (error) {
        return errorResponse(error, locale);
      }
    };
  }

  /**
   * A public route whose handler returns an Answer: the same client address, group,
   * locale, body limits and error mapping as route(), with or without the framework.
   */
  function endpoint<P = Record<string, never>>(handler: (ctx: EndpointContext<P>) => Promise<Answer>): Endpoint<P> {
    async function answer(view: RequestView, params: P): Promise<Answer> {
      const headers = { get: view.header };
      const locale = localeOf(headers);
      try {
        return await handler({ params, ...callerOf(headers), body: view.body, locale });
      } catch (error) {
        return errorAnswer(error, locale);
      }
    }
    return {
      answer,
      next: async (req, context) =>
        toResponse(
          await answer(
            { header: (name) => req.headers.get(name), body: () => readJson(req) },
            (await context?.params) ?? ({} as P),
          ),
        ),
    };
  }

  function localeOf(headers: Pick<Headers, "get">): Locale {
    return acceptedLocale(headers.get("accept-language")) ?? DEFAULT_LOCALE;
  }

  function callerOf(headers: Pick<Headers, "get">): { ip: string; group: string } {
    const ip = clientIp(headers, deps.trustProxyHops());
    return { ip, group: clientGroup(ip, deps.ipv6PrefixLength()) };
  }

  return Object.assign(route, { endpoint });
}

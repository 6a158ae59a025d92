import { clientGroup } from "@/lib/http/client-group";
import { clientIp } from "@/lib/http/client-ip";
import { errorResponse } from "@/lib/http/respond";
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
      const locale = acceptedLocale(req.headers.get("accept-language")) ?? DEFAULT_LOCALE;
      try {
        const params = (await context?.params) ?? ({} as P);
        const ip = clientIp(req.headers, deps.trustProxyHops());
        if (options && isCrossSiteWrite(req)) throw new AppError("cross_site_request");
        const group = clientGroup(ip, deps.ipv6PrefixLength());
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
  return route;
}

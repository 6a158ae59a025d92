import { getConfig } from "@/lib/config";
import { authenticateApiKey, type ApiKeyPrincipal } from "@/lib/api-keys/authenticate";
import type { Admin } from "@/lib/auth/deps";
import { can, type Permission } from "@/lib/auth/permissions";
import { currentAdmin } from "@/lib/auth/session";
import { AppError, isAppError } from "@/lib/errors";
import { clientIp } from "@/lib/http/client-ip";
import { errorResponse } from "@/lib/http/respond";
import { readJson } from "@/lib/http/read-json";
import { getServices } from "@/lib/services";

export type RouteContext<P, A = null, K = null> = {
  req: Request;
  params: P;
  ip: string;
  /** The JSON body, size-limited; throws 413/415/400 AppErrors. */
  body: () => Promise<unknown>;
  /** The signed-in console user (routes with a permission only). */
  admin: A;
  /** The calling API key (routes with { apiKey: true } only). */
  apiKey: K;
};

/** A console route: a session with this permission. */
export type PermissionOptions = { permission: Permission };
/** An integration route: a valid `Authorization: Bearer` API key, within its per-key limit. */
export type ApiKeyOptions = { apiKey: true };
export type RouteOptions = PermissionOptions | ApiKeyOptions;

type NextContext<P> = { params: Promise<P> };
type NextHandler<P> = (req: Request, context: NextContext<P>) => Promise<Response>;

// RFC 6750: a 401 names the scheme; a key that was sent but refused is an invalid_token.
const REALM = 'Bearer realm="exposure-check"';

/**
 * The one wrapper around every API route: client address, body limits and error
 * mapping (AppError → 4xx JSON, anything else → logged 500). With { permission } it is
 * also where console routes are guarded: 401 without a valid session, 403 for a role
 * without the permission, before the handler runs. With { apiKey: true } it guards
 * integration routes: 401 (with WWW-Authenticate) without a valid, unrevoked key, then
 * the key's rate limit (429), before the handler runs.
 */
export function route<P = Record<string, never>>(handler: (ctx: RouteContext<P>) => Promise<Response>): NextHandler<P>;
export function route<P = Record<string, never>>(handler: (ctx: RouteContext<P, Admin>) => Promise<Response>, options: PermissionOptions): NextHandler<P>;
export function route<P = Record<string, never>>(handler: (ctx: RouteContext<P, null, ApiKeyPrincipal>) => Promise<Response>, options: ApiKeyOptions): NextHandler<P>;
export function route<P>(handler: (ctx: RouteContext<P, never, never>) => Promise<Response>, options?: RouteOptions): NextHandler<P> {
  return async (req, context) => {
    try {
      const params = (await context?.params) ?? ({} as P);
      const ip = clientIp(req.headers, getConfig().trustProxyHops);
      const admin = options && "permission" in options ? await authorize(req, options.permission) : null;
      const apiKey = options && "apiKey" in options ? await authorizeKey(req) : null;
      // admin / apiKey are set exactly when their options were given: the overloads tie them.
      return await handler({ req, params, ip, body: () => readJson(req), admin, apiKey } as RouteContext<P, never, never>);
    } catch (error) {
      const res = errorResponse(error);
      if (isAppError(error) && (error.code === "api_key_required" || error.code === "invalid_api_key")) {
        res.headers.set("www-authenticate", error.code === "invalid_api_key" ? `${REALM}, error="invalid_token"` : REALM);
      }
      return res;
    }
  };
}

async function authorize(req: Request, permission: Permission): Promise<Admin> {
  const admin = await currentAdmin(getServices().admin, req.headers.get("cookie"));
  if (!admin) throw new AppError("unauthorized");
  if (!can(admin.role, permission)) throw new AppError("forbidden");
  return admin;
}

async function authorizeKey(req: Request): Promise<ApiKeyPrincipal> {
  const services = getServices();
  const key = await authenticateApiKey(services, req.headers.get("authorization"));
  await services.limits.apiPerKey.consume(key.id);
  return key;
}

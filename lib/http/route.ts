import { getConfig } from "@/lib/config";
import type { Admin } from "@/lib/auth/types";
import { can, type Permission } from "@/lib/auth/permissions";
import { currentAdmin } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { clientIp } from "@/lib/http/client-ip";
import { errorResponse } from "@/lib/http/respond";
import { readJson } from "@/lib/http/read-json";
import { getServices } from "@/lib/services";

export type RouteContext<P, A = null> = {
  req: Request;
  params: P;
  ip: string;
  /** The JSON body, size-limited; throws 413/415/400 AppErrors. */
  body: () => Promise<unknown>;
  /** The signed-in console user (routes with a permission only). */
  admin: A;
};

/** A console route: a session with this permission. */
export type PermissionOptions = { permission: Permission };

type NextContext<P> = { params: Promise<P> };
type NextHandler<P> = (req: Request, context: NextContext<P>) => Promise<Response>;

/**
 * The one wrapper around every API route: client address, body limits and error
 * mapping (AppError → 4xx JSON, anything else → logged 500). With { permission } it is
 * also where console routes are guarded: 401 without a valid session, 403 for a role
 * without the permission, before the handler runs. (The integration API's key check is
 * `authorizeApiKey`, called by its one endpoint: lib/api-keys/exposures-endpoint.ts.)
 */
export function route<P = Record<string, never>>(handler: (ctx: RouteContext<P>) => Promise<Response>): NextHandler<P>;
export function route<P = Record<string, never>>(
  handler: (ctx: RouteContext<P, Admin>) => Promise<Response>,
  options: PermissionOptions,
): NextHandler<P>;
export function route<P>(
  handler: (ctx: RouteContext<P, never>) => Promise<Response>,
  options?: PermissionOptions,
): NextHandler<P> {
  return async (req, context) => {
    try {
      const params = (await context?.params) ?? ({} as P);
      const ip = clientIp(req.headers, getConfig().trustProxyHops);
      const admin = options ? await authorize(req, options.permission) : null;
      // admin is set exactly when a permission was given: the overloads tie them.
      return await handler({ req, params, ip, body: () => readJson(req), admin } as RouteContext<P, never>);
    } catch (error) {
      return errorResponse(error);
    }
  };
}

async function authorize(req: Request, permission: Permission): Promise<Admin> {
  const admin = await currentAdmin(getServices().admin, req.headers.get("cookie"));
  if (!admin) throw new AppError("unauthorized");
  if (!can(admin.role, permission)) throw new AppError("forbidden");
  return admin;
}

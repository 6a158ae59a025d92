import { getConfig } from "@/lib/config";
import { clientIp } from "@/lib/http/client-ip";
import { errorResponse } from "@/lib/http/respond";
import { readJson } from "@/lib/http/read-json";

export type RouteContext<P> = {
  req: Request;
  params: P;
  ip: string;
  /** The JSON body, size-limited; throws 413/415/400 AppErrors. */
  body: () => Promise<unknown>;
};

type NextContext<P> = { params: Promise<P> };

/**
 * The one wrapper around every API route: client address, body limits and error
 * mapping (AppError → 4xx JSON, anything else → logged 500). Auth joins it with the
 * admin console.
 */
export function route<P = Record<string, never>>(handler: (ctx: RouteContext<P>) => Promise<Response>) {
  return async (req: Request, context: NextContext<P>): Promise<Response> => {
    try {
      const params = (await context?.params) ?? ({} as P);
      const ip = clientIp(req.headers, getConfig().trustProxyHops);
      return await handler({ req, params, ip, body: () => readJson(req) });
    } catch (error) {
      return errorResponse(error);
    }
  };
}

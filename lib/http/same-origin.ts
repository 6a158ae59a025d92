/** Methods a browser may send from any site without changing anything (RFC 9110 safe). */
const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Whether a browser sent this state-changing request from another site: `Sec-Fetch-Site:
 * cross-site`, or an `Origin` (sent by browsers on every POST) whose host is not the one
 * the request was addressed to. The address is `X-Forwarded-Host` when a proxy set it,
 * else `Host`, as Next.js compares for server actions; a page on another site cannot set
 * either header. Requests without both headers come from scripts, not browsers, and carry
 * no ambient cookie by accident: they pass.
 */
export function isCrossSiteWrite(req: Request): boolean {
  if (SAFE.has(req.method.toUpperCase())) return false;
  const h = req.headers;
  if (h.get("sec-fetch-site") === "cross-site") return true;
  const origin = h.get("origin");
  if (origin === null) return false;
  const host = (h.get("x-forwarded-host") ?? h.get("host") ?? new URL(req.url).host).split(",")[0]!.trim();
  try {
    return new URL(origin).host.toLowerCase() !== host.toLowerCase();
  } catch {
    return true; // "null" (sandboxed frames, some redirects) or garbage
  }
}

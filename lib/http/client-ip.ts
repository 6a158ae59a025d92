/**
 * The client address for per-IP limits. X-Forwarded-For is only as trustworthy as the
 * proxies that set it: with TRUST_PROXY_HOPS=n we take the n-th address from the right
 * (the one our own outermost proxy saw); with 0 we use the address Next.js itself
 * appended for the socket it accepted.
 */
export function clientIp(headers: Pick<Headers, "get">, trustedHops = 0): string {
  const chain = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const pick = chain[chain.length - 1 - trustedHops] ?? chain[0];
  return pick || "unknown";
}

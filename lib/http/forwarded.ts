/**
 * Rewrites X-Forwarded-For so the app can trust it for per-IP limits. Next.js keeps a
 * client-sent header as it is, which would let anyone pick their own address. With no
 * trusted proxy (hops = 0) the header becomes the socket's address alone; behind n
 * trusted proxies the socket's address is appended and clientIp() reads n from the right.
 */
export function trustedForwardedFor(
  incoming: string | string[] | undefined,
  remote: string | undefined,
  hops: number,
): string {
  const socket = remote ?? "unknown";
  if (hops === 0 || !incoming) return socket;
  const chain = Array.isArray(incoming) ? incoming.join(",") : incoming;
  return `${chain}, ${socket}`;
}

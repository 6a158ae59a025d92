import { isIP, isIPv4, isIPv6 } from "node:net";

/**
 * One X-Forwarded-For entry as a bare address: "203.0.113.7", "203.0.113.7:8080",
 * "2001:db8::1" or "[2001:db8::1]:443" (ports are dropped). Anything else (garbage,
 * "unknown", an obfuscated RFC 7239 identifier, a bad port) is undefined.
 */
export function forwardedAddress(entry: string): string | undefined {
  const text = entry.trim();
  const bracketed = /^\[([^\]]+)\](?::(\d{1,5}))?$/.exec(text);
  if (bracketed) return isIPv6(bracketed[1]!) && validPort(bracketed[2]) ? bracketed[1]!.toLowerCase() : undefined;
  const withPort = /^([\d.]+):(\d{1,5})$/.exec(text);
  if (withPort) return isIPv4(withPort[1]!) && validPort(withPort[2]) ? withPort[1] : undefined;
  const kind = isIP(text);
  return kind === 6 ? text.toLowerCase() : kind === 4 ? text : undefined;
}

function validPort(port: string | undefined): boolean {
  return port === undefined || Number(port) <= 65535;
}

/**
 * The client's address, the one function that reads it (limits, audit entries, sessions).
 * X-Forwarded-For is only as trustworthy as the proxies that set it: with
 * TRUST_PROXY_HOPS=n we take the n-th entry from the right (the one our own outermost
 * proxy saw); with 0 the address our server appended for the socket it accepted
 * (lib/http/forwarded.ts). The entry must be an address (a port is dropped): a malformed
 * entry, or a chain shorter than the proxies configured, falls back to the socket's
 * address. Per-client limits count it by clientGroup() (lib/http/client-group.ts).
 */
export function clientIp(headers: Pick<Headers, "get">, trustedHops = 0): string {
  const chain = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const socket = chain.length > 0 ? forwardedAddress(chain[chain.length - 1]!) : undefined;
  const at = chain.length - 1 - trustedHops;
  const picked = at >= 0 ? forwardedAddress(chain[at]!) : undefined;
  return picked ?? socket ?? "unknown";
}

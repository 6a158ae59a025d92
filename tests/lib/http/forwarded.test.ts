import { describe, expect, it } from "vitest";
import { clientIp } from "@/lib/http/client-ip";
import { trustedForwardedFor } from "@/lib/http/forwarded";

// Documentation addresses (RFC 5737, RFC 3849): a client, a spoofed entry, proxies.
const CLIENT = "203.0.113.7";
const SPOOF = "198.51.100.66";
const CDN = "192.0.2.10";
const LB = "192.0.2.20";

describe("trustedForwardedFor", () => {
  it("without trusted proxies, is the socket's address alone, whatever the client sent", () => {
    expect(trustedForwardedFor(undefined, CLIENT, 0)).toBe(CLIENT);
    expect(trustedForwardedFor(SPOOF, CLIENT, 0)).toBe(CLIENT);
    expect(trustedForwardedFor([SPOOF, "10.0.0.1"], CLIENT, 0)).toBe(CLIENT);
  });

  it("behind trusted proxies, appends the socket's address to the header", () => {
    expect(trustedForwardedFor(CLIENT, LB, 1)).toBe(`${CLIENT}, ${LB}`);
    expect(trustedForwardedFor(`${SPOOF}, ${CLIENT}`, LB, 1)).toBe(`${SPOOF}, ${CLIENT}, ${LB}`);
    expect(trustedForwardedFor(`${CLIENT}, ${CDN}`, LB, 2)).toBe(`${CLIENT}, ${CDN}, ${LB}`);
  });

  it("joins a header sent several times before appending", () => {
    expect(trustedForwardedFor([SPOOF, CLIENT], LB, 1)).toBe(`${SPOOF},${CLIENT}, ${LB}`);
  });

  it("without a header (or an empty one), is the socket's address", () => {
    expect(trustedForwardedFor(undefined, LB, 1)).toBe(LB);
    expect(trustedForwardedFor("", LB, 2)).toBe(LB);
  });

  it("says 'unknown' when the socket has no address (it closed)", () => {
    expect(trustedForwardedFor(undefined, undefined, 0)).toBe("unknown");
    expect(trustedForwardedFor(SPOOF, undefined, 0)).toBe("unknown");
    expect(trustedForwardedFor(CLIENT, undefined, 1)).toBe(`${CLIENT}, unknown`);
  });

  it("keeps IPv6 addresses as the socket gives them", () => {
    expect(trustedForwardedFor(SPOOF, "::ffff:203.0.113.7", 0)).toBe("::ffff:203.0.113.7");
    expect(trustedForwardedFor("2001:db8::7", "2001:db8::20", 1)).toBe("2001:db8::7, 2001:db8::20");
  });
});

/**
 * A request's way in: the client may send its own X-Forwarded-For; each proxy appends the
 * address that connected to it; our server rewrites the header for the app, which reads
 * it with clientIp. Returns the address the per-IP limits would count.
 */
function seenByApp(opts: { sent?: string; client: string; proxies: string[]; hops: number }): string {
  let header = opts.sent;
  let from = opts.client;
  for (const proxy of opts.proxies) {
    header = header ? `${header}, ${from}` : from;
    from = proxy;
  }
  const rewritten = trustedForwardedFor(header, from, opts.hops);
  return clientIp(new Headers({ "x-forwarded-for": rewritten }), opts.hops);
}

describe("the server's rewrite read back by clientIp", () => {
  it("no proxy, TRUST_PROXY_HOPS=0: the socket's address, never a spoofed header", () => {
    expect(seenByApp({ client: CLIENT, proxies: [], hops: 0 })).toBe(CLIENT);
    expect(seenByApp({ sent: SPOOF, client: CLIENT, proxies: [], hops: 0 })).toBe(CLIENT);
    expect(seenByApp({ sent: `${SPOOF}, ${CDN}`, client: CLIENT, proxies: [], hops: 0 })).toBe(CLIENT);
  });

  it("one load balancer, TRUST_PROXY_HOPS=1: the client's address, not its spoofed entries", () => {
    expect(seenByApp({ client: CLIENT, proxies: [LB], hops: 1 })).toBe(CLIENT);
    expect(seenByApp({ sent: SPOOF, client: CLIENT, proxies: [LB], hops: 1 })).toBe(CLIENT);
    expect(seenByApp({ sent: `${SPOOF}, 10.0.0.1`, client: CLIENT, proxies: [LB], hops: 1 })).toBe(CLIENT);
  });

  it("a CDN and a load balancer, TRUST_PROXY_HOPS=2: the client's address", () => {
    expect(seenByApp({ client: CLIENT, proxies: [CDN, LB], hops: 2 })).toBe(CLIENT);
    expect(seenByApp({ sent: SPOOF, client: CLIENT, proxies: [CDN, LB], hops: 2 })).toBe(CLIENT);
  });

  it("an IPv6 client behind one load balancer", () => {
    expect(seenByApp({ sent: "2001:db8::66", client: "2001:db8::7", proxies: [LB], hops: 1 })).toBe("2001:db8::7");
  });

  it("too few hops configured: every client counts as the proxy beyond the trusted ones", () => {
    expect(seenByApp({ sent: SPOOF, client: CLIENT, proxies: [LB], hops: 0 })).toBe(LB);
    expect(seenByApp({ sent: SPOOF, client: CLIENT, proxies: [CDN, LB], hops: 1 })).toBe(CDN);
  });

  it("more hops configured than proxies: never what a client wrote (README, Deploy)", () => {
    // Short chain: every client counts as the nearest proxy (the socket).
    expect(seenByApp({ client: CLIENT, proxies: [LB], hops: 2 })).toBe(LB);
    // A client's own entry fills the missing hop: it is taken (the setting is wrong), but it
    // must be an address, else the socket's address counts.
    expect(seenByApp({ sent: SPOOF, client: CLIENT, proxies: [LB], hops: 2 })).toBe(SPOOF);
    expect(seenByApp({ sent: SPOOF, client: CLIENT, proxies: [], hops: 1 })).toBe(SPOOF);
    expect(seenByApp({ sent: "garbage", client: CLIENT, proxies: [], hops: 1 })).toBe(CLIENT);
  });
});

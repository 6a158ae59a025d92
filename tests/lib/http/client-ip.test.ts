import { describe, expect, it } from "vitest";
import { clientIp } from "@/lib/http/client-ip";

// Documentation addresses (RFC 5737, RFC 3849): a client, a spoofed entry, proxies.
const CLIENT = "203.0.113.7";
const SPOOF = "198.51.100.66";
const CDN = "192.0.2.10";
const LB = "192.0.2.20";

const xff = (value: string) => new Headers({ "x-forwarded-for": value });

describe("clientIp", () => {
  it("without trusted proxies, takes the rightmost address: the one our server appended", () => {
    expect(clientIp(xff(CLIENT))).toBe(CLIENT);
    expect(clientIp(xff(`${SPOOF}, ${CLIENT}`), 0)).toBe(CLIENT);
  });

  it("behind one proxy, takes the address that proxy saw, not what the client wrote before it", () => {
    expect(clientIp(xff(`${CLIENT}, ${LB}`), 1)).toBe(CLIENT);
    expect(clientIp(xff(`${SPOOF}, ${CLIENT}, ${LB}`), 1)).toBe(CLIENT);
    expect(clientIp(xff(`10.0.0.1, ${SPOOF}, ${CLIENT}, ${LB}`), 1)).toBe(CLIENT);
  });

  it("behind two proxies, counts two from the right", () => {
    expect(clientIp(xff(`${CLIENT}, ${CDN}, ${LB}`), 2)).toBe(CLIENT);
    expect(clientIp(xff(`${SPOOF}, ${CLIENT}, ${CDN}, ${LB}`), 2)).toBe(CLIENT);
  });

  it("with more hops configured than addresses present, takes the leftmost", () => {
    expect(clientIp(xff(`${CLIENT}, ${LB}`), 2)).toBe(CLIENT);
    expect(clientIp(xff(CLIENT), 1)).toBe(CLIENT);
    expect(clientIp(xff(CLIENT), 10)).toBe(CLIENT);
  });

  it("with fewer hops configured than proxies, takes a proxy's address", () => {
    expect(clientIp(xff(`${CLIENT}, ${CDN}, ${LB}`), 1)).toBe(CDN);
    expect(clientIp(xff(`${CLIENT}, ${LB}`), 0)).toBe(LB);
  });

  it("answers 'unknown' without a header or without an address in it", () => {
    expect(clientIp(new Headers())).toBe("unknown");
    expect(clientIp(new Headers(), 1)).toBe("unknown");
    expect(clientIp(xff(""))).toBe("unknown");
    expect(clientIp(xff(" , ,"), 2)).toBe("unknown");
  });

  it("trims whitespace and skips empty entries", () => {
    expect(clientIp(xff(`  ${CLIENT}  `))).toBe(CLIENT);
    expect(clientIp(xff(`${SPOOF},${CLIENT},${LB}`), 1)).toBe(CLIENT);
    expect(clientIp(xff(`${SPOOF} ,\t${CLIENT} , ${LB} `), 1)).toBe(CLIENT);
    expect(clientIp(xff(`${SPOOF},, ,${CLIENT},${LB}`), 1)).toBe(CLIENT);
  });

  it("keeps IPv6 addresses whole, as written", () => {
    expect(clientIp(xff("2001:db8::7"))).toBe("2001:db8::7");
    expect(clientIp(xff(`2001:db8::7, ::ffff:${LB}`), 1)).toBe("2001:db8::7");
    expect(clientIp(xff(`${SPOOF}, 2001:db8:0:1::7, 2001:db8::20`), 1)).toBe("2001:db8:0:1::7");
    expect(clientIp(xff("::1"))).toBe("::1");
  });

  it("reads several X-Forwarded-For headers as one list", () => {
    const headers = new Headers();
    headers.append("x-forwarded-for", SPOOF);
    headers.append("x-forwarded-for", `${CLIENT}, ${LB}`);
    expect(clientIp(headers, 1)).toBe(CLIENT);
  });

  it("needs only a get()", () => {
    const get = (name: string) => (name === "x-forwarded-for" ? `${CLIENT}, ${LB}` : null);
    expect(clientIp({ get }, 1)).toBe(CLIENT);
  });
});

import { describe, expect, it } from "vitest";
import { clientIp, forwardedAddress } from "@/lib/http/client-ip";

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

  // A proxy is missing from the chain, so nothing left of the socket's entry is trusted
  // (issue 11: the leftmost entry is whatever the client wrote).
  it("with more hops configured than addresses present, takes the socket's address", () => {
    expect(clientIp(xff(`${CLIENT}, ${LB}`), 2)).toBe(LB);
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

describe("forwardedAddress", () => {
  it("takes bare addresses and strips ports", () => {
    expect(forwardedAddress("203.0.113.7")).toBe("203.0.113.7");
    expect(forwardedAddress(" 203.0.113.7:8080 ")).toBe("203.0.113.7");
    expect(forwardedAddress("2001:DB8::1")).toBe("2001:db8::1");
    expect(forwardedAddress("[2001:db8::1]")).toBe("2001:db8::1");
    expect(forwardedAddress("[2001:db8::1]:443")).toBe("2001:db8::1");
    expect(forwardedAddress("::ffff:203.0.113.7")).toBe("::ffff:203.0.113.7");
  });

  it("refuses anything that is not an address", () => {
    for (const bad of [
      "",
      "unknown",
      "_hidden", // RFC 7239 obfuscated identifier
      "203.0.113",
      "203.0.113.256",
      "203.0.113.07", // leading zero: octal to some parsers
      "203.0.113.7:99999",
      "203.0.113.7:",
      "[203.0.113.7]:80",
      "[2001:db8::1]:70000",
      "[2001:db8::1",
      "2001:db8::1]:443",
      "<script>",
      "203.0.113.7 198.51.100.1",
      "example.com",
    ]) {
      expect(forwardedAddress(bad), bad).toBeUndefined();
    }
  });
});

describe("clientIp, validated", () => {
  it("picks the entry our outermost proxy saw, without its port", () => {
    expect(clientIp(xff("203.0.113.7"))).toBe("203.0.113.7");
    expect(clientIp(xff("198.51.100.1, 203.0.113.7:51000, 10.0.0.2"), 1)).toBe("203.0.113.7");
    expect(clientIp(xff("[2001:db8::7]:443, 10.0.0.2"), 1)).toBe("2001:db8::7");
  });

  it("falls back to the socket's address (the last entry) when the pick is malformed", () => {
    expect(clientIp(xff("not-an-ip, 10.0.0.2"), 1)).toBe("10.0.0.2");
    expect(clientIp(xff("203.0.113.7:99999, 10.0.0.2"), 1)).toBe("10.0.0.2");
    // Fewer entries than proxies: a proxy is missing, so nothing left of the socket is trusted.
    expect(clientIp(xff("10.0.0.2"), 2)).toBe("10.0.0.2");
    expect(clientIp(xff("garbage"))).toBe("unknown");
    expect(clientIp(new Headers())).toBe("unknown");
  });
});

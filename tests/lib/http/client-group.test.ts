import { describe, expect, it } from "vitest";
import { parseConfig } from "@/lib/config";
import { clientGroup } from "@/lib/http/client-group";

describe("clientGroup", () => {
  it("counts IPv4 clients by address", () => {
    expect(clientGroup("203.0.113.7")).toBe("203.0.113.7");
    expect(clientGroup("203.0.113.8")).toBe("203.0.113.8");
  });

  it("counts IPv4-mapped IPv6 (a dual-stack socket's form) as the IPv4 address", () => {
    expect(clientGroup("::ffff:203.0.113.7")).toBe("203.0.113.7");
    expect(clientGroup("::FFFF:cb00:7107")).toBe("203.0.113.7");
    expect(clientGroup("::ffff:127.0.0.1")).toBe("127.0.0.1");
  });

  it("counts every address of one IPv6 /64 as one client", () => {
    const group = "2001:db8:1:2::/64";
    for (const a of [
      "2001:db8:1:2::1",
      "2001:db8:1:2:aaaa:bbbb:cccc:dddd",
      "2001:0DB8:0001:0002:ffff:ffff:ffff:ffff",
      "2001:db8:1:2::203.0.113.7",
      "2001:db8:1:2::1%eth0",
    ]) {
      expect(clientGroup(a), a).toBe(group);
    }
    expect(clientGroup("2001:db8:1:3::1")).toBe("2001:db8:1:3::/64");
    expect(clientGroup("::1")).toBe("::/64");
    expect(clientGroup("fe80::1:2:3:4")).toBe("fe80::/64");
  });

  it("takes the prefix length from configuration, bits not on a word boundary included", () => {
    expect(clientGroup("2001:db8:1:2::1", 48)).toBe("2001:db8:1::/48");
    expect(clientGroup("2001:db8:1:2ff::1", 56)).toBe("2001:db8:1:200::/56");
    expect(clientGroup("2001:db8:1:2:3:4:5:6", 128)).toBe("2001:db8:1:2:3:4:5:6/128");
    expect(clientGroup("2001:db8:0:0:1:0:0:1", 128)).toBe("2001:db8::1:0:0:1/128");
    expect(
      parseConfig({ DATABASE_URL: "postgresql://x@h/d", EMBEDDED_DB: "1", LOOKUP_SECRET: "s".repeat(40) }).rateLimits
        .ipv6PrefixLength,
    ).toBe(64);
  });

  it("leaves what is not an address as it is", () => {
    expect(clientGroup("unknown")).toBe("unknown");
  });
});

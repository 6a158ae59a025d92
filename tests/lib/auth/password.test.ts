import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "@/lib/auth/password";

describe("password hashing", () => {
  it("makes an argon2id hash with OWASP's parameters and a random salt", async () => {
    const a = await hashPassword("correct horse battery staple");
    const b = await hashPassword("correct horse battery staple");
    expect(a).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain("correct horse");
  });

  it("verifies the right password and refuses a wrong one", async () => {
    const encoded = await hashPassword("correct horse battery staple");
    expect(await verifyPassword(encoded, "correct horse battery staple")).toBe(true);
    expect(await verifyPassword(encoded, "correct horse battery stapl")).toBe(false);
    expect(await verifyPassword(encoded, "Correct horse battery staple")).toBe(false);
  });

  it("refuses, without throwing, a stored value that is not an argon2 hash", async () => {
    expect(await verifyPassword("plain-text-password", "plain-text-password")).toBe(false);
    expect(await verifyPassword("", "")).toBe(false);
  });
});

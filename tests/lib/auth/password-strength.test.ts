// The strength half of the password policy (StrongPassword, lib/auth/user-schemas.ts):
// zxcvbn with the common and English dictionaries, the user's email as known words, a
// minimum score of 3, and the reason in our words.
import { describe, expect, it } from "vitest";
import { MIN_PASSWORD_SCORE, StrongPassword } from "@/lib/auth/user-schemas";
import { ratePassword } from "@/lib/auth/password-strength";
import { en } from "@/lib/i18n/messages/en";

const refusal = async (password: string, email = "jane.doe@example.com") => {
  const parsed = await StrongPassword.safeParseAsync({ password, email });
  return parsed.success ? null : parsed.error.issues.map((i) => [i.path.join("."), i.message]);
};

describe("StrongPassword", () => {
  it("accepts long unrelated words", async () => {
    for (const p of ["correct horse battery staple", "a long enough passphrase", "violet tugboat in the attic"])
      expect([p, await refusal(p)]).toEqual([p, null]);
  });

  it("refuses guessable passwords of any length, saying why", async () => {
    expect(await refusal("password1234")).toEqual([["password", "errors.password_weak_common"]]);
    expect(await refusal("qwertyuiop123")).toEqual([["password", "errors.password_weak_common"]]);
    expect(await refusal("abcdefghijklm")).toEqual([["password", "errors.password_weak_pattern"]]);
    expect(await refusal("jane.doe@example.com")).toEqual([["password", "errors.password_weak_email"]]);
  });

  it("counts the user's email as known words: what passes for one user fails for another", async () => {
    const p = "zephyrinequaglietti";
    expect(await refusal(p, "someone@example.com")).toBeNull();
    expect(await refusal(p, "zephyrine.quaglietti@example.com")).toEqual([["password", "errors.password_weak_email"]]);
  });

  it("scores the limit as zxcvbn does, and has a message for every reason it gives", async () => {
    expect(MIN_PASSWORD_SCORE).toBe(3);
    expect((await ratePassword("password1234", [])).score).toBeLessThan(MIN_PASSWORD_SCORE);
    const messages = en.errors as Record<string, string>;
    for (const key of [
      "password_weak",
      "password_weak_email",
      "password_weak_common",
      "password_weak_words",
      "password_weak_pattern",
      "password_weak_dates",
    ])
      expect([key, typeof messages[key]]).toEqual([key, "string"]);
  });
});

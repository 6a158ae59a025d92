import { describe, expect, it } from "vitest";
import { adminCli } from "@/tests/support/cli";
import { getDb } from "@/lib/db/client";
import { en } from "@/lib/i18n/messages/en";
import { authDeps, passwordSignIn } from "@/tests/support/admin";
import { uniqueTag } from "@/tests/support/unique-tag";

const admin = adminCli;

describe("npm run admin -- create-user", () => {
  it("creates an owner whose password (from stdin) then signs in, audited as done by the cli", async () => {
    const email = `first-owner-${uniqueTag(8)}@example.com`;
    const password = "a long enough passphrase";
    const run = await admin(
      ["create-user", "--email", email.toUpperCase(), "--role", "owner", "--password-stdin"],
      `${password}\n`,
    );
    expect(run.err).toBe("");
    expect(run.code).toBe(0);
    expect(run.out.trim().split("\n")).toEqual([
      `Created owner ${email}`,
      "At first sign-in (/admin/sign-in) they must set up a second factor: an authenticator app (TOTP), keeping its backup codes, or a passkey.",
    ]);

    const { admin: signedIn } = await passwordSignIn(authDeps(), { email, password }, { ip: "192.0.2.30" });
    expect(signedIn).toMatchObject({ email, role: "owner" });
    const account = await getDb().adminAccount.findFirstOrThrow({
      where: { userId: signedIn.id, providerId: "credential" },
    });
    expect(account.password).toMatch(/^\$argon2id\$/);
    expect(await getDb().auditLog.findFirst({ where: { action: "user_created", target: email } })).toMatchObject({
      actorEmail: "cli",
      actorId: null,
      details: { role: "owner" },
    });

    const again = await admin(
      ["create-user", "--email", email, "--role", "viewer", "--password-stdin"],
      `${password}\n`,
    );
    expect(again.code).toBe(1);
    expect(again.err).toContain("A console user with this email already exists.");
  }, 60_000);

  it("refuses a short or guessable password, an unknown role and a bad email before touching the database", async () => {
    const short = await admin(
      ["create-user", "--email", "x@example.com", "--role", "owner", "--password-stdin"],
      "short\n",
    );
    expect([short.code, short.err.trim()]).toEqual([1, "The password must have at least 12 characters."]);
    const weak = await admin(
      ["create-user", "--email", "x@example.com", "--role", "owner", "--password-stdin"],
      "password1234\n",
    );
    expect([weak.code, weak.err.trim()]).toEqual([1, en.errors.password_weak_common]);
    const role = await admin(["create-user", "--email", "x@example.com", "--role", "root", "--password-stdin"], "");
    expect(role.code).toBe(1);
    expect(role.err).toContain("--role must be one of owner, importer, agent, viewer");
    const email = await admin(
      ["create-user", "--email", "not-an-email", "--role", "owner", "--password-stdin"],
      "a long enough passphrase\n",
    );
    expect(email.code).toBe(1);
    expect(email.err).toContain("--email must be an email address");
    expect(await getDb().adminUser.count({ where: { email: "x@example.com" } })).toBe(0);
  }, 60_000);
});

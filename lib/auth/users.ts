import { randomUUID } from "node:crypto";
import { Prisma } from "@/generated/prisma/client.ts";
import type { Db } from "@/lib/db/client";
import { hashPassword } from "@/lib/auth/password";
import type { Role } from "@/lib/auth/permissions";
import { NewUserInput, StrongPassword } from "@/lib/auth/user-schemas";
import { actedBy, recordAudit, type AuditCtx, type AuditDetails, type AuditEntry } from "@/lib/audit/record";
import { AppError } from "@/lib/errors";
import { parseInput, parseInputAsync } from "@/lib/validation/parse-input";

// The schema lives in lib/auth/user-schemas.ts (client-safe, shared with the console's form).
export { NewUserInput };

/**
 * Creates a console user with an argon2id-hashed password (the same hashing sign-in
 * verifies with), in better-auth's shape: the user row and its "credential" account.
 * Used by the CLI and by owners in the console (lib/auth/manage-users.ts); `details`
 * adds to the audit entry (never the password). A chosen password must be strong
 * (StrongPassword); a `generated` one is random, and must be changed at first sign-in.
 */
export async function createAdminUser(
  db: Db,
  input: unknown,
  ctx: AuditCtx,
  details: AuditDetails = {},
  opts: { generated?: boolean } = {},
): Promise<{ id: string; email: string; role: Role }> {
  const { email, role, password } = parseInput(NewUserInput, input);
  if (!opts.generated) await parseInputAsync(StrongPassword, { password, email });
  const passwordHash = await hashPassword(password);
  const id = randomUUID();
  const audit: AuditEntry = { ...actedBy(ctx), action: "user_created", target: email, details: { role, ...details } };
  try {
    await db.$transaction([
      db.adminUser.create({
        data: { id, email, name: email, role, emailVerified: true, mustChangePassword: opts.generated === true },
      }),
      db.adminAccount.create({
        data: { id: randomUUID(), accountId: id, providerId: "credential", userId: id, password: passwordHash },
      }),
    ]);
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002")
      throw new AppError("user_exists", { fields: { email: "errors.user_exists" } });
    throw e;
  }
  await recordAudit(db, audit);
  return { id, email, role };
}

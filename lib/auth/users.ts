import { randomUUID } from "node:crypto";
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client.ts";
import type { Db } from "@/lib/db/client";
import { hashPassword, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "@/lib/auth/password";
import { ROLES, type Role } from "@/lib/auth/permissions";
import { recordAudit, type AuditEntry } from "@/lib/audit/record";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/http/parse-input";

export const NewUserInput = z.object({
  email: z.string().trim().toLowerCase().max(320, "errors.email_invalid").pipe(z.email("errors.email_invalid")),
  role: z.enum(ROLES),
  password: z.string().min(MIN_PASSWORD_LENGTH, "errors.password_too_short").max(MAX_PASSWORD_LENGTH, "errors.password_too_long"),
});

export type Actor = { id: string | null; email: string };

/**
 * Creates a console user with an argon2id-hashed password (the same hashing sign-in
 * verifies with), in better-auth's shape: the user row and its "credential" account.
 */
export async function createAdminUser(
  db: Db,
  input: unknown,
  actor: Actor,
  ip?: string,
): Promise<{ id: string; email: string; role: Role }> {
  const { email, role, password } = parseInput(NewUserInput, input);
  const passwordHash = await hashPassword(password);
  const id = randomUUID();
  const audit: AuditEntry = { actorId: actor.id, actorEmail: actor.email, action: "user_created", target: email, details: { role }, ip };
  try {
    await db.$transaction([
      db.adminUser.create({ data: { id, email, name: email, role, emailVerified: true } }),
      db.adminAccount.create({ data: { id: randomUUID(), accountId: id, providerId: "credential", userId: id, password: passwordHash } }),
    ]);
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") throw new AppError("user_exists");
    throw e;
  }
  await recordAudit(db, audit);
  return { id, email, role };
}

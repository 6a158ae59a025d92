import "server-only";
import type { Prisma } from "@/generated/prisma/client.ts";
import type { Db } from "@/lib/db/client";
import { generateInitialPassword } from "@/lib/auth/password";
import type { Role } from "@/lib/auth/permissions";
import { ChangeRoleInput, CreateUserInput, DeleteUserInput, SetDisabledInput } from "@/lib/auth/user-schemas";
import { createAdminUser } from "@/lib/auth/users";
import { actedBy, recordAudit, type AuditCtx, type AuditDetails } from "@/lib/audit/record";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation/parse-input";

/**
 * Owners managing console users (/admin/users). Each input is validated by its schema
 * here (callers pass what they received). Guard rails: nobody changes their own
 * account, and the last active owner is never demoted, disabled or deleted. Disabling,
 * a role change and deletion end the user's sessions. Every change is audited with the
 * target's email, in the same transaction as the change.
 */

export type ConsoleUser = {
  id: string;
  email: string;
  /** Null when it is just the email (users created by the CLI or the console). */
  name: string | null;
  role: Role;
  createdAt: Date;
  lastSignInAt: Date | null;
  disabledAt: Date | null;
  /** Sessions not yet expired: what disabling or deleting the user ends (the confirmation says so). */
  openSessions: number;
};

/** Every console user, by email. */
export async function listUsers(db: Db, now = new Date()): Promise<ConsoleUser[]> {
  const [rows, sessions] = await Promise.all([
    db.adminUser.findMany({
      orderBy: { email: "asc" },
      select: { id: true, email: true, name: true, role: true, createdAt: true, lastSignInAt: true, disabledAt: true },
    }),
    db.adminSession.groupBy({ by: ["userId"], where: { expiresAt: { gt: now } }, _count: { _all: true } }),
  ]);
  const open = new Map(sessions.map((g) => [g.userId, g._count._all]));
  return rows.map((r) => ({
    ...r,
    name: r.name && r.name !== r.email ? r.name : null,
    openSessions: open.get(r.id) ?? 0,
  }));
}

/** The new user; `password` only when it was generated, to be shown to the owner once. */
export type CreatedUser = { id: string; email: string; role: Role; password?: string };

/** Creates a user with a generated one-time password or the owner's (same policy as the CLI). */
export async function createUser(db: Db, input: unknown, ctx: AuditCtx): Promise<CreatedUser> {
  const data = parseInput(CreateUserInput, input);
  const generated = data.initialPassword === "generate" ? generateInitialPassword() : null;
  const user = await createAdminUser(
    db,
    { email: data.email, role: data.role, password: generated ?? data.password },
    ctx,
    { initialPassword: generated ? "generated" : "set by owner" },
    { generated: generated !== null },
  );
  return generated ? { ...user, password: generated } : user;
}

export type UserChanged = { changed: boolean; email: string; sessionsEnded: number };

export async function changeUserRole(db: Db, input: unknown, ctx: AuditCtx): Promise<UserChanged> {
  const { userId, role } = parseInput(ChangeRoleInput, input);
  return changeUser(db, userId, { kind: "role", role }, ctx);
}

export async function setUserDisabled(db: Db, input: unknown, ctx: AuditCtx): Promise<UserChanged> {
  const { userId, disabled } = parseInput(SetDisabledInput, input);
  return changeUser(db, userId, { kind: disabled ? "disable" : "enable" }, ctx);
}

export async function deleteUser(db: Db, input: unknown, ctx: AuditCtx): Promise<UserChanged> {
  const { userId } = parseInput(DeleteUserInput, input);
  return changeUser(db, userId, { kind: "delete" }, ctx);
}

type Change = { kind: "role"; role: Role } | { kind: "disable" } | { kind: "enable" } | { kind: "delete" };
type Target = { id: string; email: string; role: Role; disabledAt: Date | null };
type Tx = Prisma.TransactionClient;

// Every user change takes this transaction-scoped lock, so the guards below read a state
// no concurrent change can alter before commit (two owners demoting each other at once).
const USER_CHANGE_LOCK = 7_365_001;

async function changeUser(db: Db, userId: string, change: Change, ctx: AuditCtx): Promise<UserChanged> {
  const { actor } = ctx;
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${USER_CHANGE_LOCK})`;
    // The actor is checked again inside the lock: an owner demoted or disabled a moment
    // ago by another owner can no longer change anyone.
    if (actor.id !== null) {
      const me = await tx.adminUser.findUnique({ where: { id: actor.id }, select: { role: true, disabledAt: true } });
      if (!me || me.role !== "owner" || me.disabledAt) throw new AppError("forbidden");
    }
    const target = await tx.adminUser.findUnique({
      where: { id: userId },
      select: { id: true, email: true, role: true, disabledAt: true },
    });
    if (!target) throw new AppError("not_found", { fields: { userId: "errors.user_not_found" } });
    if (unchanged(target, change)) return { changed: false, email: target.email, sessionsEnded: 0 };
    if (target.id === actor.id) throw new AppError("own_account");
    if (
      leavesOwners(target, change) &&
      (await tx.adminUser.count({ where: { role: "owner", disabledAt: null } })) <= 1
    ) {
      throw new AppError("last_owner");
    }
    const sessionsEnded = await apply(tx, target, change);
    await recordAudit(tx, {
      ...actedBy(ctx),
      action: change.kind === "delete" ? "user_deleted" : "user_updated",
      target: target.email,
      details: auditDetails(target, change, sessionsEnded),
    });
    return { changed: true, email: target.email, sessionsEnded };
  });
}

function unchanged(target: Target, change: Change): boolean {
  switch (change.kind) {
    case "role":
      return target.role === change.role;
    case "disable":
      return target.disabledAt !== null;
    case "enable":
      return target.disabledAt === null;
    case "delete":
      return false;
  }
}

/** Whether the change takes the target out of the active owners. */
function leavesOwners(target: Target, change: Change): boolean {
  if (target.role !== "owner" || target.disabledAt !== null) return false;
  return change.kind === "disable" || change.kind === "delete" || (change.kind === "role" && change.role !== "owner");
}

/** Applies the change; returns how many of the target's sessions it ended. */
async function apply(tx: Tx, target: Target, change: Change): Promise<number> {
  const where = { id: target.id };
  const endSessions = async () => (await tx.adminSession.deleteMany({ where: { userId: target.id } })).count;
  switch (change.kind) {
    case "role":
      await tx.adminUser.update({ where, data: { role: change.role } });
      return endSessions();
    case "disable":
      await tx.adminUser.update({ where, data: { disabledAt: new Date() } });
      return endSessions();
    case "enable":
      await tx.adminUser.update({ where, data: { disabledAt: null } });
      return 0;
    case "delete": {
      const ended = await endSessions();
      // Its credential account goes with it (ON DELETE CASCADE); audit entries keep the email as text.
      await tx.adminUser.delete({ where });
      return ended;
    }
  }
}

function auditDetails(target: Target, change: Change, sessionsEnded: number): AuditDetails {
  switch (change.kind) {
    case "role":
      return { change: "role", from: target.role, to: change.role, sessionsEnded };
    case "disable":
      return { change: "disabled", sessionsEnded };
    case "enable":
      return { change: "enabled" };
    case "delete":
      return { role: target.role, sessionsEnded };
  }
}

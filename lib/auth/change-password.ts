import type { AuthDeps } from "@/lib/auth/deps";
import type { Admin, RequestMeta } from "@/lib/auth/types";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { ChangePasswordInput, StrongPassword } from "@/lib/auth/user-schemas";
import { recordAudit } from "@/lib/audit/record";
import { countPasswordAttempt } from "@/lib/auth/sign-in";
import { AppError } from "@/lib/errors";
import { parseInput, parseInputAsync } from "@/lib/validation/parse-input";

/** StrongPassword, its refusal on the form's newPassword field. */
async function strongNewPassword(password: string, email: string): Promise<void> {
  try {
    await parseInputAsync(StrongPassword, { password, email });
  } catch (e) {
    if (e instanceof AppError && e.details.fields?.password)
      throw new AppError("invalid_request", { fields: { newPassword: e.details.fields.password } });
    throw e;
  }
}

export type PasswordChanged = { sessionsEnded: number };

const wrongPassword = () =>
  new AppError("invalid_request", { fields: { currentPassword: "errors.current_password_wrong" } });

/**
 * A signed-in console user replaces their own password. The current password is asked
 * for again (a session left open on a shared screen is not enough), under sign-in's
 * limits, since a wrong one is a guess. The new hash is stored, every other session of
 * the user ends, and the change is audited, in one transaction; this session goes on.
 * A generated password's must-change flag is cleared with it.
 */
export async function changeOwnPassword(
  deps: AuthDeps,
  admin: Admin,
  input: unknown,
  meta: RequestMeta,
): Promise<PasswordChanged> {
  const { currentPassword, newPassword } = parseInput(ChangePasswordInput, input);
  await strongNewPassword(newPassword, admin.email);
  const refused = (reason: string) =>
    recordAudit(deps.db, {
      actorId: admin.id,
      actorEmail: admin.email,
      action: "password_change_failed",
      details: { reason },
      ip: meta.ip,
    });
  const attempt = await countPasswordAttempt(deps, admin.email, meta.ip, refused);

  const account = await deps.db.adminAccount.findFirst({
    where: { userId: admin.id, providerId: "credential" },
    select: { id: true, password: true },
  });
  if (!account?.password || !(await verifyPassword(account.password, currentPassword))) {
    await attempt.passwordFailed();
    await refused("wrong_password");
    throw wrongPassword();
  }

  const hash = await hashPassword(newPassword);
  return deps.db.$transaction(async (tx) => {
    // Only if the hash is still the one checked: two changes at once cannot both win.
    const updated = await tx.adminAccount.updateMany({
      where: { id: account.id, password: account.password },
      data: { password: hash },
    });
    if (updated.count !== 1) throw wrongPassword();
    await tx.adminUser.updateMany({
      where: { id: admin.id, mustChangePassword: true },
      data: { mustChangePassword: false },
    });
    const { count } = await tx.adminSession.deleteMany({ where: { userId: admin.id, id: { not: admin.sessionId } } });
    await recordAudit(tx, {
      actorId: admin.id,
      actorEmail: admin.email,
      action: "password_changed",
      details: { sessionsEnded: count },
      ip: meta.ip,
    });
    return { sessionsEnded: count };
  });
}

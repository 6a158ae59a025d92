"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { actionFailure, actorContext, formFailure } from "@/app/admin/action-helpers";
import { requirePermission, requireStepUp } from "@/lib/auth/next";
import type { Admin } from "@/lib/auth/types";
import { changeUserRole, createUser, deleteUser, setUserDisabled, type UserChanged } from "@/lib/auth/manage-users";
import { resetSecondFactor } from "@/lib/auth/second-factor";
import type { Role } from "@/lib/auth/permissions";
import type { AuditCtx } from "@/lib/audit/record";
import { asAppError } from "@/lib/http/respond";
import { getTranslator } from "@/lib/i18n/translator";
import { getServices } from "@/lib/services";
import { formString } from "@/lib/validation/form-data";

/** The "Add a user" form's state. The password is never sent back, except a generated one, once. */
export type CreateUserState = {
  values?: { email: string; role: string; initialPassword: string };
  errors?: Record<string, string>;
  error?: string;
  created?: { email: string; role: Role; password?: string };
  stepUp?: true;
};

/** A user row's forms: an error or a notice. */
export type UserRowState = { error?: string; notice?: string; stepUp?: true };

const USERS_PATH = "/admin/users";

/** Owners: add a user with a generated one-time password (returned once) or their own. */
export async function createUserAction(_prev: CreateUserState | undefined, form: FormData): Promise<CreateUserState> {
  const admin = await requirePermission("users:manage");
  const values = {
    email: formString(form, "email"),
    role: formString(form, "role"),
    initialPassword: formString(form, "initialPassword"),
  };
  try {
    await requireStepUp(admin);
    const user = await createUser(
      getServices().db,
      { ...values, password: formString(form, "password") },
      await actorContext(admin),
    );
    revalidatePath(USERS_PATH);
    return { created: user };
  } catch (e) {
    return {
      values,
      ...formFailure(asAppError(e, "user management action"), getTranslator()("admin.users.fixErrors")),
    };
  }
}

/** Runs one change to a user row, for a signed-in owner, and says what happened. */
async function rowChange(
  admin: Admin,
  run: (ctx: AuditCtx) => Promise<UserChanged>,
  notice: (r: UserChanged) => string,
): Promise<UserRowState> {
  try {
    await requireStepUp(admin);
    const result = await run(await actorContext(admin));
    if (!result.changed) return { notice: getTranslator()("admin.users.unchanged") };
    revalidatePath(USERS_PATH);
    return { notice: notice(result) };
  } catch (e) {
    return actionFailure(asAppError(e, "user management action"));
  }
}

/** Owners: another user's role; their sessions end, so the new role applies at once. */
export async function changeRoleAction(_prev: UserRowState | undefined, form: FormData): Promise<UserRowState> {
  const admin = await requirePermission("users:manage");
  const input = { userId: formString(form, "userId"), role: formString(form, "role") };
  return rowChange(
    admin,
    (c) => changeUserRole(getServices().db, input, c),
    (r) => {
      const t = getTranslator();
      return t("admin.users.roleChanged", {
        email: r.email,
        role: t(`admin.roles.${input.role as Role}`),
        sessions: r.sessionsEnded,
      }).trim();
    },
  );
}

/** Owners: disable (confirmed: sign-in refused, sessions ended) or enable another user. */
export async function setUserDisabledAction(_prev: UserRowState | undefined, form: FormData): Promise<UserRowState> {
  const admin = await requirePermission("users:manage");
  const input = {
    userId: formString(form, "userId"),
    disabled: formString(form, "disabled"),
    confirm: formString(form, "confirm"),
  };
  return rowChange(
    admin,
    (c) => setUserDisabled(getServices().db, input, c),
    (r) => {
      const t = getTranslator();
      if (input.disabled !== "true") return t("admin.users.enabled", { email: r.email });
      return t("admin.users.disabled", { email: r.email, sessions: r.sessionsEnded }).trim();
    },
  );
}

/** Owners: remove another user's second factor (lost phone); their sessions end, they enrol again. */
export async function resetFactorAction(_prev: UserRowState | undefined, form: FormData): Promise<UserRowState> {
  const admin = await requirePermission("users:manage");
  return rowChange(
    admin,
    async (c) => ({
      changed: true,
      ...(await resetSecondFactor(getServices().db, { userId: formString(form, "userId") }, c)),
    }),
    (r) => getTranslator()("admin.users.factorReset", { email: r.email, sessions: r.sessionsEnded }).trim(),
  );
}

/** Owners: delete another user (confirmed); back to the list with a notice. */
export async function deleteUserAction(_prev: UserRowState | undefined, form: FormData): Promise<UserRowState> {
  const admin = await requirePermission("users:manage");
  const input = { userId: formString(form, "userId"), confirm: formString(form, "confirm") };
  const state = await rowChange(
    admin,
    (c) => deleteUser(getServices().db, input, c),
    () => "",
  );
  if (state.error) return state;
  redirect(`${USERS_PATH}?deleted=1`);
}

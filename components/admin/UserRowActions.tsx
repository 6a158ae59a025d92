"use client";

import { useTranslations } from "use-intl";
import { useStepUpAction } from "@/components/forms/useStepUpAction";
import type { UserRowState } from "@/app/admin/users/actions";
import { ROLES, type Role } from "@/lib/auth/permissions";

type Action = (prev: UserRowState | undefined, form: FormData) => Promise<UserRowState>;

type Props = {
  user: { id: string; email: string; role: Role; disabled: boolean };
  actions: { changeRole: Action; setDisabled: Action; remove: Action; resetFactor: Action };
};

const button =
  "rounded-md border border-slate-600 px-3 py-1.5 font-semibold text-slate-900 hover:bg-slate-100 focus:outline-none focus:ring-4 focus:ring-blue-300 disabled:opacity-70";

/** One user's role, disable/enable and delete forms, each with its outcome next to it. */
export function UserRowActions({ user, actions }: Props) {
  const t = useTranslations("admin.users");
  const tRoles = useTranslations("admin.roles");
  const [roleState, roleAction, rolePending, roleStepUp] = useStepUpAction(actions.changeRole, {});
  const [disableState, disableAction, disablePending, disableStepUp] = useStepUpAction(actions.setDisabled, {});
  const [deleteState, deleteAction, deletePending, deleteStepUp] = useStepUpAction(actions.remove, {});
  const [resetState, resetAction, resetPending, resetStepUp] = useStepUpAction(actions.resetFactor, {});
  const id = (name: string) => `user-${user.id}-${name}`;
  return (
    <div className="space-y-3">
      <form action={roleAction} className="flex flex-wrap items-end gap-2">
        <input type="hidden" name="userId" value={user.id} />
        <div>
          <label htmlFor={id("role")} className="sr-only">
            {t("roleOf", { email: user.email })}
          </label>
          <select
            id={id("role")}
            name="role"
            defaultValue={user.role}
            className="rounded-md border border-slate-500 px-2 py-1.5 text-slate-900 focus:outline-none focus:ring-4 focus:ring-blue-300"
          >
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {tRoles(r)}
              </option>
            ))}
          </select>
        </div>
        <button
          type="submit"
          disabled={rolePending}
          aria-label={t("changeRoleOf", { email: user.email })}
          className={button}
        >
          {t("changeRole")}
        </button>
        <Outcome state={roleState} />
      </form>

      <form action={disableAction} className="flex flex-wrap items-center gap-2">
        <input type="hidden" name="userId" value={user.id} />
        <input type="hidden" name="disabled" value={user.disabled ? "false" : "true"} />
        <button
          type="submit"
          disabled={disablePending}
          aria-label={t(user.disabled ? "enableUser" : "disableUser", { email: user.email })}
          className={button}
        >
          {t(user.disabled ? "enable" : "disable")}
        </button>
        <Outcome state={disableState} />
      </form>

      <form action={resetAction} className="flex flex-wrap items-center gap-2">
        <input type="hidden" name="userId" value={user.id} />
        <button
          type="submit"
          disabled={resetPending}
          aria-label={t("resetFactorOf", { email: user.email })}
          className={button}
        >
          {t("resetFactor")}
        </button>
        <Outcome state={resetState} />
      </form>

      <details className="rounded-md border border-slate-300 p-2" open={Boolean(deleteState.error)}>
        <summary className="cursor-pointer font-semibold text-red-800">{t("deleteOpen")}</summary>
        <form action={deleteAction} className="mt-2 space-y-2">
          <input type="hidden" name="userId" value={user.id} />
          <label className="flex items-center gap-2 text-slate-900">
            <input type="checkbox" name="confirm" value="yes" required className="h-5 w-5" />
            {t("deleteConfirm", { email: user.email })}
          </label>
          <button
            type="submit"
            disabled={deletePending}
            aria-label={t("deleteUser", { email: user.email })}
            className="rounded-md bg-red-800 px-3 py-1.5 font-semibold text-white hover:bg-red-900 focus:outline-none focus:ring-4 focus:ring-red-300 disabled:opacity-70"
          >
            {t("delete")}
          </button>
          <Outcome state={deleteState} />
        </form>
      </details>
      {roleStepUp}
      {disableStepUp}
      {deleteStepUp}
      {resetStepUp}
    </div>
  );
}

function Outcome({ state }: { state: UserRowState }) {
  if (state.error)
    return (
      <p role="alert" className="w-full font-medium text-red-800">
        {state.error}
      </p>
    );
  return (
    <p role="status" className="w-full text-sm font-medium text-green-800">
      {state.notice ?? ""}
    </p>
  );
}

"use client";

import { useTranslations } from "use-intl";
import { useStepUpAction } from "@/components/forms/useStepUpAction";
import type { UserRowState } from "@/app/admin/users/actions";
import { ConfirmButton } from "@/components/forms/ConfirmButton";
import { ROLES, type Role } from "@/lib/auth/permissions";

type Action = (prev: UserRowState | undefined, form: FormData) => Promise<UserRowState>;

type Props = {
  /** openSessions: what disabling or deleting ends, stated before either is confirmed. */
  user: { id: string; email: string; role: Role; disabled: boolean; openSessions: number };
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

      {user.disabled ? (
        <form action={disableAction} className="flex flex-wrap items-center gap-2">
          <input type="hidden" name="userId" value={user.id} />
          <input type="hidden" name="disabled" value="false" />
          <button
            type="submit"
            disabled={disablePending}
            aria-label={t("enableUser", { email: user.email })}
            className={button}
          >
            {t("enable")}
          </button>
          <Outcome state={disableState} />
        </form>
      ) : (
        <ConfirmButton
          action={disableAction}
          trigger={t("disableOpen")}
          triggerLabel={t("disableUser", { email: user.email })}
          consequence={t("disableConsequence", { email: user.email, sessions: user.openSessions })}
          confirm={t("disableConfirm", { email: user.email })}
          fields={{ userId: user.id, disabled: "true" }}
          pending={disablePending}
          open={Boolean(disableState.error)}
        >
          <Outcome state={disableState} />
        </ConfirmButton>
      )}

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

      <ConfirmButton
        action={deleteAction}
        trigger={t("deleteOpen")}
        triggerLabel={t("deleteUser", { email: user.email })}
        consequence={t("deleteConsequence", { email: user.email, sessions: user.openSessions })}
        confirm={t("deleteConfirm", { email: user.email })}
        fields={{ userId: user.id }}
        pending={deletePending}
        open={Boolean(deleteState.error)}
      >
        <Outcome state={deleteState} />
      </ConfirmButton>
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

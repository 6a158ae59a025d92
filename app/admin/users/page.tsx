import { ScrollTable } from "@/components/admin/ScrollTable";
import {
  changeRoleAction,
  createUserAction,
  deleteUserAction,
  resetFactorAction,
  setUserDisabledAction,
} from "@/app/admin/users/actions";
import { CreateUserForm } from "@/components/admin/CreateUserForm";
import { UserRowActions } from "@/components/admin/UserRowActions";
import { listUsers, type ConsoleUser } from "@/lib/auth/manage-users";
import { requirePermission } from "@/lib/auth/next";
import { getTranslator } from "@/lib/i18n/translator";
import { getServices } from "@/lib/services";

type SearchParams = Record<string, string | string[] | undefined>;

const actions = {
  changeRole: changeRoleAction,
  setDisabled: setUserDisabledAction,
  remove: deleteUserAction,
  resetFactor: resetFactorAction,
};

/** Owners only: every console user, adding one, changing roles, disabling and deleting. */
export default async function UsersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const admin = await requirePermission("users:manage");
  const t = getTranslator();
  const users = await listUsers(getServices().db);
  const deleted = (await searchParams).deleted === "1";
  return (
    <>
      <h1 className="text-3xl font-bold text-slate-900">{t("admin.users.title")}</h1>
      <p className="text-slate-800">{t("admin.users.intro")}</p>
      {deleted && (
        <p role="status" className="font-medium text-green-800">
          {t("admin.users.deleted")}
        </p>
      )}

      <section aria-labelledby="add-heading" className="space-y-3 rounded-md border border-slate-300 p-4">
        <h2 id="add-heading" className="text-xl font-bold text-slate-900">
          {t("admin.users.addHeading")}
        </h2>
        <CreateUserForm action={createUserAction} />
      </section>

      <section aria-labelledby="list-heading" className="space-y-3">
        <h2 id="list-heading" className="text-xl font-bold text-slate-900">
          {t("admin.users.listHeading")}{" "}
          <span className="text-base font-normal text-slate-700">
            ({t("admin.users.count", { count: users.length })})
          </span>
        </h2>
        <ScrollTable labelledBy="list-heading">
          <table className="w-full border-collapse text-left text-sm">
            <thead>
              <tr className="border-b border-slate-400">
                {(["user", "role", "created", "lastSignIn", "status", "manage"] as const).map((h) => (
                  <th key={h} scope="col" className="py-2 pr-3">
                    {t(`admin.users.columns.${h}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {users.map((user) => (
                <UserRow key={user.id} user={user} self={user.id === admin.id} />
              ))}
            </tbody>
          </table>
        </ScrollTable>
      </section>
      <a href="/admin" className="text-blue-800 underline underline-offset-2">
        {t("admin.users.back")}
      </a>
    </>
  );
}

function UserRow({ user, self }: { user: ConsoleUser; self: boolean }) {
  const t = getTranslator();
  return (
    <tr className="border-b border-slate-200 align-top" data-testid="user-row">
      <th scope="row" className="py-2 pr-3 font-normal wrap-anywhere">
        <span className="font-semibold">{user.email}</span>
        {self && (
          <span className="ml-2 rounded bg-blue-100 px-1.5 py-0.5 text-xs font-semibold text-blue-900">
            {t("admin.users.you")}
          </span>
        )}
        {user.name && <span className="block text-slate-700">{user.name}</span>}
      </th>
      <td className="py-2 pr-3">{t(`admin.roles.${user.role}`)}</td>
      <td className="py-2 pr-3 whitespace-nowrap">
        <When at={user.createdAt} />
      </td>
      <td className="py-2 pr-3 whitespace-nowrap">
        {user.lastSignInAt ? <When at={user.lastSignInAt} /> : t("admin.users.never")}
      </td>
      <td className="py-2 pr-3">
        {user.disabledAt ? (
          <span className="font-semibold text-red-800">
            {t("admin.users.disabledSince", { at: stamp(user.disabledAt) })}
          </span>
        ) : (
          t("admin.users.active")
        )}
      </td>
      <td className="py-2 pr-3">
        {self ? (
          <span className="text-slate-700">{t("admin.users.ownAccount")}</span>
        ) : (
          <UserRowActions
            user={{
              id: user.id,
              email: user.email,
              role: user.role,
              disabled: user.disabledAt !== null,
              openSessions: user.openSessions,
            }}
            actions={actions}
          />
        )}
      </td>
    </tr>
  );
}

const stamp = (at: Date) => at.toISOString().replace("T", " ").slice(0, 16);

function When({ at }: { at: Date }) {
  return <time dateTime={at.toISOString()}>{stamp(at)}</time>;
}

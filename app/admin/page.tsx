import { signOutAction } from "@/app/admin/actions";
import { requireAdmin } from "@/lib/auth/next";
import { sectionsFor } from "@/lib/auth/console-sections";
import { permissionsOf } from "@/lib/auth/permissions";
import { getTranslator } from "@/lib/i18n/translator";
import { getServices } from "@/lib/services";

/** Landing page for any signed-in role: who is signed in, where they may go, sign out. */
export default async function AdminHome() {
  const admin = await requireAdmin();
  const t = getTranslator();
  const idleMinutes = Math.round(getServices().config.admin.sessionIdleSeconds / 60);
  const sections = sectionsFor(admin.role);
  return (
    <>
      <h1 className="text-3xl font-bold text-slate-900">{t("admin.home.title")}</h1>
      <div className="rounded-md border border-slate-300 bg-slate-50 p-4 text-slate-900">
        <p className="font-semibold">{t("admin.home.signedInAs", { email: admin.email })}</p>
        <p>{t("admin.home.role", { role: t(`admin.roles.${admin.role}`) })}</p>
        <p className="mt-2 text-sm text-slate-700">
          {t("admin.home.sessionEnds", { expiresAt: admin.expiresAt, idleMinutes })}
        </p>
        <p className="mt-2">
          <a href="/admin/account" className="font-semibold text-blue-800 underline underline-offset-2">
            {t("admin.home.account")}
          </a>
        </p>
      </div>

      <section aria-labelledby="sections-heading" className="space-y-3">
        <h2 id="sections-heading" className="text-xl font-bold text-slate-900">
          {t("admin.home.sections")}
        </h2>
        {sections.length === 0 ? (
          <p className="text-slate-800">{t("admin.home.noSections")}</p>
        ) : (
          <ul className="space-y-2">
            {sections.map((s) => (
              <li key={s.key}>
                <a href={s.href} className="font-semibold text-blue-800 underline underline-offset-2">
                  {t(`admin.sections.${s.key}`)}
                </a>
                <span className="text-slate-700"> — {t(`admin.sections.${s.key}Description`)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="allowed-heading" className="space-y-3">
        <h2 id="allowed-heading" className="text-xl font-bold text-slate-900">
          {t("admin.home.allowed")}
        </h2>
        <ul className="list-disc space-y-1 pl-6 text-slate-800">
          {permissionsOf(admin.role).map((p) => (
            <li key={p}>{t(`admin.permissions.${p}`)}</li>
          ))}
        </ul>
      </section>

      <form action={signOutAction}>
        <button
          type="submit"
          className="rounded-md border border-slate-600 px-4 py-2 font-semibold text-slate-900 hover:bg-slate-100 focus:outline-none focus:ring-4 focus:ring-blue-300"
        >
          {t("admin.home.signOut")}
        </button>
      </form>
    </>
  );
}

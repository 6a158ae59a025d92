import { requirePermission } from "@/lib/auth/next";
import { getTranslator } from "@/lib/i18n/translator";
import { listIncidents } from "@/lib/incidents/manage";
import { remediationPath } from "@/lib/incidents/paths";
import { getServices } from "@/lib/services";

const link = "text-blue-800 underline underline-offset-2";

/** Importers and owners: every incident with its groups, each a link to its editor. */
export default async function IncidentsPage() {
  await requirePermission("incidents:edit");
  const t = getTranslator();
  const incidents = await listIncidents(getServices().db);
  return (
    <>
      <h1 className="text-3xl font-bold text-slate-900">{t("admin.incidents.title")}</h1>
      <p className="text-slate-800">{t("admin.incidents.intro")}</p>
      <p>
        <a
          href="/admin/incidents/new"
          className="inline-block rounded-md bg-blue-800 px-4 py-2 font-semibold text-white hover:bg-blue-900 focus:outline-none focus:ring-4 focus:ring-blue-300"
        >
          {t("admin.incidents.new")}
        </a>
      </p>
      {incidents.length === 0 ? (
        <p className="text-slate-800">{t("admin.incidents.empty")}</p>
      ) : (
        <ul className="space-y-4">
          {incidents.map((incident) => (
            <li key={incident.slug} className="rounded-md border border-slate-300 p-4" data-testid="incident">
              <a
                href={`/admin/incidents/${encodeURIComponent(incident.slug)}`}
                className={`text-lg font-semibold ${link}`}
              >
                {t("admin.incidents.edit", { title: incident.title })}
              </a>
              <p className="text-sm text-slate-700">
                <span className="font-mono">{incident.slug}</span> ·{" "}
                {t("admin.incidents.disclosed", { disclosedAt: incident.disclosedAt })}
              </p>
              <p className="mt-1 text-slate-800" data-testid="completeness">
                {t("admin.incidents.completenessTitle")}:{" "}
                {incident.translations
                  .map((c) =>
                    t("admin.incidents.completeness", {
                      language: t(`admin.incidents.locales.${c.locale}`),
                      filled: c.filled,
                      total: c.total,
                    }),
                  )
                  .join("; ")}
              </p>
              <p className="mt-2 text-slate-800">
                {t("admin.incidents.groups", { count: incident.categories.length })}
              </p>
              {incident.categories.length > 0 && (
                <ul className="mt-1 list-disc pl-6 text-slate-800">
                  {incident.categories.map((c) => (
                    <li key={c.slug}>
                      {c.name} (
                      <a href={remediationPath(incident.slug, c.slug)} className={link}>
                        {t("admin.incidents.publicPage")}
                      </a>
                      )
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
      <a href="/admin" className={link}>
        {t("admin.incidents.back")}
      </a>
    </>
  );
}

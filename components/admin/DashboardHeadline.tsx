import type { Headline } from "@/lib/dashboard/headline";
import { getTranslator } from "@/lib/i18n/translator";

const card = "space-y-1 rounded-md border border-slate-300 p-4";
const label = "text-sm font-semibold text-slate-700";
const figure = "text-2xl font-bold text-slate-900 tabular-nums";

/** The dashboard's opening figures, as a description list of cards: one column on a phone, two from 640 px. */
export function DashboardHeadline({ headline: h }: { headline: Headline }) {
  const t = getTranslator();
  return (
    <section aria-labelledby="headline-heading" className="space-y-3">
      <h2 id="headline-heading" className="text-xl font-bold text-slate-900">
        {t("admin.dashboard.headline.heading")}
      </h2>
      <dl className="grid gap-3 sm:grid-cols-2">
        <div className={card} data-testid="headline-affected">
          <dt className={label}>{t("admin.dashboard.headline.affected")}</dt>
          <dd className={figure}>{t("admin.dashboard.headline.affectedAll", { accounts: h.affectedTotal })}</dd>
          <dd>
            {h.incidents.length === 0 ? (
              t("admin.dashboard.headline.noIncidents")
            ) : (
              <ul className="text-sm text-slate-800">
                {h.incidents.map((i) => (
                  <li key={i.slug} className="wrap-break-word">
                    {t("admin.dashboard.headline.affectedIncident", { title: i.title, accounts: i.accounts })}
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
        <div className={card} data-testid="headline-checks">
          <dt className={label}>{t("admin.dashboard.headline.checksToday")}</dt>
          <dd className="font-semibold text-slate-900">{t("admin.dashboard.headline.checks", h.today)}</dd>
          <dt className={label}>{t("admin.dashboard.headline.checksAll")}</dt>
          <dd className="font-semibold text-slate-900">{t("admin.dashboard.headline.checks", h.all)}</dd>
        </div>
        <div className={card} data-testid="headline-share">
          <dt className={label}>{t("admin.dashboard.headline.checkedShare")}</dt>
          <dd className="text-slate-900">
            {h.affectedChecksPerAccount === null
              ? t("admin.dashboard.headline.checkedShareNone", { checks: h.all.affected })
              : t("admin.dashboard.headline.checkedShareValue", {
                  checks: h.all.affected,
                  share: h.affectedChecksPerAccount,
                })}
          </dd>
        </div>
        <div className={card} data-testid="headline-codes">
          <dt className={label}>{t("admin.dashboard.headline.codesLeft")}</dt>
          <dd className={h.codesLeft === null ? "text-slate-800" : figure}>
            {h.codesLeft === null
              ? t("admin.dashboard.headline.codesLeftNone")
              : t("admin.dashboard.headline.codesLeftValue", { codes: h.codesLeft })}
          </dd>
        </div>
      </dl>
    </section>
  );
}

import type { SmsHour } from "@/lib/dashboard/sms-hour";
import { getTranslator } from "@/lib/i18n/translator";
import { ALL_PREFIXES } from "@/lib/sms/conversion";
import type { BudgetUse } from "@/lib/sms/budget";

const th = "py-1 pr-4 text-left font-semibold";
const td = "py-1 pr-4 text-right tabular-nums";

type Props = SmsHour & { conversionConfig: { minSent: number; minRatio: number } };

/**
 * The hour's texts against each send budget (which one tripped, when it reopens), the
 * owners' pause, and the conversion watch's counts, flagged as the watch flags them.
 * Server-rendered, counts and prefixes only.
 */
export function SmsPanel({ status, conversion, conversionConfig }: Props) {
  const t = getTranslator();
  const { reopensAt } = status;
  const budgets: { label: string; use: BudgetUse }[] = [
    { label: t("admin.dashboard.sms.global"), use: status.global },
    ...status.prefixes.map((p) => ({ label: t("admin.dashboard.sms.prefix", { prefix: p.prefix }), use: p })),
  ];
  const tripped = budgets.filter((b) => b.use.trippedAt);
  return (
    <>
      <p className="text-slate-800">{t("admin.dashboard.sms.intro", { hour: status.hour, reopensAt })}</p>
      {status.paused ? (
        <p role="status" className="rounded-md border-2 border-red-800 p-3 font-semibold text-red-800">
          {t("admin.dashboard.sms.paused", {
            since: status.paused.since,
            by: status.paused.by ?? t("admin.dashboard.sms.pausedBy"),
          })}
        </p>
      ) : (
        <p className="text-slate-800">{t("admin.dashboard.sms.notPaused")}</p>
      )}
      {tripped.map((b) => (
        <p
          key={b.label}
          role="status"
          className="rounded-md border-2 border-orange-700 p-3 font-semibold text-orange-900"
        >
          {t("admin.dashboard.sms.trippedNotice", { scope: b.label, reopensAt })}
        </p>
      ))}

      <h3 className="text-lg font-bold text-slate-900">{t("admin.dashboard.sms.budgets")}</h3>
      <table className="border-collapse text-sm text-slate-900">
        <thead>
          <tr>
            <th className={th}>{t("admin.dashboard.sms.budget")}</th>
            <th className={th}>{t("admin.dashboard.sms.used")}</th>
            <th className={th}>{t("admin.dashboard.sms.limit")}</th>
            <th className={th}>{t("admin.dashboard.sms.refused")}</th>
            <th className={th}>{t("admin.dashboard.sms.state")}</th>
          </tr>
        </thead>
        <tbody>
          {budgets.map(({ label, use }) => (
            <tr key={label}>
              <th scope="row" className={th}>
                {label}
              </th>
              <td className={td}>{use.used.toLocaleString("en")}</td>
              <td className={td}>{use.budget.toLocaleString("en")}</td>
              <td className={td}>{use.refused.toLocaleString("en")}</td>
              <td className="py-1 pr-4">
                {use.trippedAt
                  ? t("admin.dashboard.sms.tripped", { at: use.trippedAt, reopensAt })
                  : t("admin.dashboard.sms.open")}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {status.prefixes.length === 0 && <p className="text-slate-800">{t("admin.dashboard.sms.noPrefixes")}</p>}

      <h3 className="text-lg font-bold text-slate-900">{t("admin.dashboard.sms.conversion.heading")}</h3>
      <p className="text-slate-800">{t("admin.dashboard.sms.conversion.intro", conversionConfig)}</p>
      {conversion.length === 0 ? (
        <p className="text-slate-800">{t("admin.dashboard.sms.conversion.empty")}</p>
      ) : (
        <table className="border-collapse text-sm text-slate-900">
          <thead>
            <tr>
              <th className={th}>{t("admin.dashboard.sms.conversion.prefix")}</th>
              <th className={th}>{t("admin.dashboard.sms.conversion.sent")}</th>
              <th className={th}>{t("admin.dashboard.sms.conversion.verified")}</th>
              <th className={th}>{t("admin.dashboard.sms.conversion.share")}</th>
              <th className={th}>{t("admin.dashboard.sms.conversion.flag")}</th>
            </tr>
          </thead>
          <tbody>
            {conversion.map((row) => (
              <tr key={row.prefix}>
                <th scope="row" className={th}>
                  {row.prefix === ALL_PREFIXES ? t("admin.dashboard.sms.conversion.all") : row.prefix}
                </th>
                <td className={td}>{row.sent.toLocaleString("en")}</td>
                <td className={td}>{row.verified.toLocaleString("en")}</td>
                <td className={td}>{row.sent > 0 ? `${Math.round((100 * row.verified) / row.sent)} %` : "–"}</td>
                <td className={row.flagged ? "py-1 pr-4 font-semibold text-red-800" : "py-1 pr-4"}>
                  {row.flagged ? t("admin.dashboard.sms.conversion.flagged") : t("admin.dashboard.sms.conversion.ok")}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

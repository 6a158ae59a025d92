import { pauseTextsAction, resumeTextsAction } from "@/app/admin/dashboard/actions";
import { AffectedChart, ChecksChart, ImportsChart } from "@/components/admin/DashboardCharts";
import { SmsPanel } from "@/components/admin/SmsPanel";
import { SmsPauseForm } from "@/components/admin/SmsPauseForm";
import { requirePermission } from "@/lib/auth/next";
import { can } from "@/lib/auth/permissions";
import { DEFAULT_DAYS, lastDays } from "@/lib/dashboard/days";
import { smsHour } from "@/lib/dashboard/sms-hour";
import { affectedByCategory, checksPerDay, importsPerDay } from "@/lib/dashboard/stats";
import { getTranslator } from "@/lib/i18n/translator";
import { getServices } from "@/lib/services";

/**
 * Every role: the hour's texts against the send budgets and the conversion watch, counts
 * per group, imports and checks per day, as server-rendered SVG charts. Owners may pause
 * and resume all texts here.
 */
export default async function DashboardPage() {
  const admin = await requirePermission("dashboard:view");
  const t = getTranslator();
  const services = getServices();
  const db = services.db;
  const now = new Date();
  const range = lastDays(now, DEFAULT_DAYS);
  const [texts, affected, imports, checks] = await Promise.all([
    smsHour({ budget: services.smsBudget, watch: services.smsConversion }, now),
    affectedByCategory(db),
    importsPerDay(db, range),
    checksPerDay(db, range),
  ]);

  return (
    <>
      <h1 className="text-3xl font-bold text-slate-900">{t("admin.dashboard.title")}</h1>
      <p className="text-slate-800">{t("admin.dashboard.intro", { days: DEFAULT_DAYS })}</p>

      <section aria-labelledby="sms-heading" className="space-y-3">
        <h2 id="sms-heading" className="text-xl font-bold text-slate-900">
          {t("admin.dashboard.sms.heading")}
        </h2>
        <SmsPanel {...texts} conversionConfig={services.config.smsConversion} />
        {can(admin.role, "settings:manage") && (
          <SmsPauseForm paused={texts.status.paused !== null} pause={pauseTextsAction} resume={resumeTextsAction} />
        )}
      </section>

      <section aria-labelledby="affected-heading" className="space-y-3">
        <h2 id="affected-heading" className="text-xl font-bold text-slate-900">
          {t("admin.dashboard.affected.heading")}
        </h2>
        <p className="text-slate-800">{t("admin.dashboard.affected.intro")}</p>
        <AffectedChart incidents={affected} />
      </section>

      <section aria-labelledby="imports-heading" className="space-y-3">
        <h2 id="imports-heading" className="text-xl font-bold text-slate-900">
          {t("admin.dashboard.imports.heading")}
        </h2>
        <ImportsChart days={imports} />
      </section>

      <section aria-labelledby="checks-heading" className="space-y-3">
        <h2 id="checks-heading" className="text-xl font-bold text-slate-900">
          {t("admin.dashboard.checks.heading")}
        </h2>
        <ChecksChart days={checks} />
      </section>

      <a href="/admin" className="text-blue-800 underline underline-offset-2">
        {t("admin.dashboard.back")}
      </a>
    </>
  );
}

import { pauseTextsAction, resumeTextsAction } from "@/app/admin/dashboard/actions";
import { AffectedChart, ChecksChart, ImportsChart } from "@/components/admin/DashboardCharts";
import { DashboardHeadline } from "@/components/admin/DashboardHeadline";
import { SmsPanel } from "@/components/admin/SmsPanel";
import { OfferPoolsPanel } from "@/components/admin/OfferPoolsPanel";
import { poolStats } from "@/lib/offers/pool-stats";
import { SmsPauseForm } from "@/components/admin/SmsPauseForm";
import { requirePermission } from "@/lib/auth/next";
import { can } from "@/lib/auth/permissions";
import { DEFAULT_DAYS, lastDays } from "@/lib/dashboard/days";
import { headlineTotals } from "@/lib/dashboard/headline";
import { smsHour } from "@/lib/dashboard/sms-hour";
import { agentsWatched, agentWatchThreshold } from "@/lib/exposures/agent-lookup";
import { affectedByCategory, checksPerDay, importsPerDay } from "@/lib/dashboard/stats";
import { getTranslator } from "@/lib/i18n/translator";
import { getServices } from "@/lib/services";

/**
 * Every role: headline totals (affected per incident, checks today and in all), the hour's texts against the send budgets and the conversion watch, counts
 * per group, imports and checks per day, as server-rendered SVG charts. Owners may pause
 * and resume all texts here.
 */
export default async function DashboardPage() {
  const admin = await requirePermission("dashboard:view");
  const t = getTranslator();
  const services = getServices();
  const { db, config } = services;
  const now = new Date();
  const range = lastDays(now, DEFAULT_DAYS);
  const perDay = config.rateLimits.agentLookupPerDay.points;
  const [texts, affected, imports, checks, watched, pools] = await Promise.all([
    smsHour({ budget: services.budget, watch: services.conversion }, now),
    affectedByCategory(db),
    importsPerDay(db, range),
    checksPerDay(db, range),
    agentsWatched(db, perDay),
    poolStats(db),
  ]);
  const headline = await headlineTotals(db, affected, now, pools);

  return (
    <>
      <h1 className="text-3xl font-bold text-slate-900">{t("admin.dashboard.title")}</h1>
      <p className="text-slate-800">{t("admin.dashboard.intro", { days: DEFAULT_DAYS })}</p>
      <DashboardHeadline headline={headline} />

      {watched.length > 0 && (
        <section
          aria-labelledby="agents-heading"
          role="alert"
          className="space-y-2 rounded-md border-2 border-red-800 p-4"
        >
          <h2 id="agents-heading" className="text-xl font-bold text-red-900">
            {t("admin.dashboard.agents.heading")}
          </h2>
          <p className="text-slate-800">
            {t("admin.dashboard.agents.intro", { threshold: agentWatchThreshold(perDay), limit: perDay })}
          </p>
          <ul className="list-disc pl-6">
            {watched.map((a) => (
              <li key={a.email}>{t("admin.dashboard.agents.item", { email: a.email, lookups: a.lookups })}</li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="sms-heading" className="space-y-3">
        <h2 id="sms-heading" className="text-xl font-bold text-slate-900">
          {t("admin.dashboard.sms.heading")}
        </h2>
        <SmsPanel {...texts} conversionConfig={config.smsConversion} />
        {can(admin.role, "settings:manage") && (
          <SmsPauseForm
            paused={texts.status.paused !== null}
            sentThisHour={texts.status.global.used}
            pause={pauseTextsAction}
            resume={resumeTextsAction}
          />
        )}
      </section>

      <OfferPoolsPanel pools={pools} />

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

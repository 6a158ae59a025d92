import { cache } from "react";
import { importOfferCodesAction, updateNoticeAction, updateOfferAction } from "@/app/admin/incidents/notice/actions";
import { NoticeFields } from "@/components/admin/NoticeFields";
import { OfferFields } from "@/components/admin/OfferFields";
import { getTranslator } from "@/lib/i18n/translator";
import { noticeFormValues } from "@/lib/incidents/notice";
import { noticePath } from "@/lib/incidents/paths";
import { poolStats } from "@/lib/offers/pool-stats";
import { getServices } from "@/lib/services";

/*
 * The incident editor's notice and offer parts (ADR 32, 33), each loading its own data so
 * the editor page only places them. Once per request however many groups ask.
 */
const values = cache((slug: string) => noticeFormValues(getServices().db, slug));
const pools = cache((slug: string) => poolStats(getServices().db, slug));

export async function NoticeSection({ incidentSlug }: { incidentSlug: string }) {
  const v = await values(incidentSlug);
  if (!v) return null;
  const t = getTranslator();
  return (
    <section aria-labelledby="notice-heading" className="space-y-4 rounded-md border border-slate-300 p-4">
      <h2 id="notice-heading" className="text-xl font-bold text-slate-900">
        {t("admin.notice.heading")}
      </h2>
      <p className="text-slate-800">
        {t("admin.notice.intro")}{" "}
        <a href={noticePath(incidentSlug)} className="text-blue-800 underline underline-offset-2">
          {t("admin.notice.open")}
        </a>
      </p>
      <NoticeFields action={updateNoticeAction} incidentSlug={incidentSlug} initial={v.notice} />
    </section>
  );
}

export async function OfferSection({ incidentSlug, categorySlug }: { incidentSlug: string; categorySlug: string }) {
  const [v, stats] = await Promise.all([values(incidentSlug), pools(incidentSlug)]);
  const initial = v?.offers[categorySlug];
  if (!initial) return null;
  const stat = stats.find((s) => s.category === categorySlug);
  return (
    <OfferFields
      offerAction={updateOfferAction}
      codesAction={importOfferCodesAction}
      incidentSlug={incidentSlug}
      categorySlug={categorySlug}
      initial={initial}
      pool={{ total: stat?.total ?? 0, left: stat?.left ?? 0 }}
    />
  );
}

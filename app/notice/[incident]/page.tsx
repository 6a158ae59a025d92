import { notFound } from "next/navigation";
import type { Metadata } from "next";
import { Markdown } from "@/components/Markdown";
import { PrintButton } from "@/components/PrintButton";
import { getTranslator } from "@/lib/i18n/translator";
import { requestLocale } from "@/lib/auth/next";
import { localizedPath } from "@/lib/i18n/locale";
import { CREDIT_BUREAUS } from "@/lib/incidents/bureaus";
import { getNotice, type NoticePage as Notice } from "@/lib/incidents/notice";
import { remediationPath } from "@/lib/incidents/paths";
import { SLUG_PATTERN } from "@/lib/incidents/schemas";
import { getServices } from "@/lib/services";

type Params = { params: Promise<{ incident: string }> };

async function load({ params }: Params) {
  const { incident } = await params;
  if (!SLUG_PATTERN.test(incident)) return null;
  return getNotice(getServices().db, incident, await requestLocale());
}

export async function generateMetadata(props: Params): Promise<Metadata> {
  const notice = await load(props);
  const t = getTranslator(await requestLocale());
  return { title: notice ? `${t("notice.kicker")} — ${notice.title}` : t("notice.notFoundTitle") };
}

const h2 = "text-xl font-semibold text-slate-900";
const link = "text-blue-800 underline underline-offset-2";

/**
 * An incident's breach notice under the five headings of California Civil Code 1798.82
 * (docs/adr/0033-breach-notice.md): server-rendered and printable without JavaScript
 * (the print button is the only script, and a browser's own print works as well).
 */
export default async function NoticePage(props: Params) {
  const notice = await load(props);
  if (!notice) notFound();
  const locale = await requestLocale();
  const t = getTranslator(locale);
  const offers = noticeOffers(notice.categories);
  // Which groups an offer is for, once not every group has the same one.
  const named = offers.length > 1 || offers.some((o) => o.names.length < notice.categories.length);
  const names = new Intl.ListFormat(locale, { type: "conjunction" });
  return (
    <article className="space-y-6">
      <p className="print:hidden">
        <a href={localizedPath(locale, "/")} className={link}>
          {t("notice.back")}
        </a>
      </p>
      {/* The same note as a group's page (ADR 28, 36), in the reader's language. */}
      {notice.fallback && (
        <p role="note" className="rounded-md border border-amber-600 bg-amber-50 p-3 text-slate-900">
          {t("remediation.fallbackNotice")}
        </p>
      )}
      <header>
        <p className="text-sm font-semibold uppercase tracking-wide text-slate-700">{t("notice.kicker")}</p>
        <h1 className="text-3xl font-bold text-slate-900">{notice.title}</h1>
      </header>
      <NoticeDates notice={notice} t={t} />

      <section aria-labelledby="what-happened">
        <h2 id="what-happened" className={h2}>
          {t("notice.whatHappened")}
        </h2>
        <Markdown className="mt-2 text-slate-800">{notice.noticeWhatHappened ?? notice.summary}</Markdown>
      </section>

      <section aria-labelledby="what-involved">
        <h2 id="what-involved" className={h2}>
          {t("notice.whatInvolved")}
        </h2>
        {notice.noticeWhatInvolved && <Markdown className="mt-2 text-slate-800">{notice.noticeWhatInvolved}</Markdown>}
        {notice.categories.map((c) => (
          <div key={c.slug} className="mt-2">
            <p className="font-medium text-slate-900">{t("notice.groupData", { name: c.name })}</p>
            <ul className="list-disc pl-6 text-slate-800">
              {c.dataExposed.map((d, i) => (
                <li key={i}>{d}</li>
              ))}
            </ul>
          </div>
        ))}
      </section>

      <section aria-labelledby="what-we-do">
        <h2 id="what-we-do" className={h2}>
          {t("notice.whatWeAreDoing")}
        </h2>
        {notice.noticeWhatWeAreDoing && (
          <Markdown className="mt-2 text-slate-800">{notice.noticeWhatWeAreDoing}</Markdown>
        )}
        {offers.map((o) => (
          <div key={o.slug} className="mt-2 text-slate-800" data-testid="notice-offer">
            {named && (
              <p className="font-medium text-slate-900">{t("notice.groupData", { name: names.format(o.names) })}</p>
            )}
            <p>{t("notice.offer", { provider: o.provider, months: o.months, url: o.enrollUrl })}</p>
            {/* The group's instructions in the page's language (English per missing text), as
                the result shows them; the activation code is only ever on a verified result. */}
            {o.instructions && <p className="mt-1">{o.instructions}</p>}
          </div>
        ))}
      </section>

      <section aria-labelledby="what-you-can-do">
        <h2 id="what-you-can-do" className={h2}>
          {t("notice.whatYouCanDo")}
        </h2>
        {notice.noticeWhatYouCanDo && <Markdown className="mt-2 text-slate-800">{notice.noticeWhatYouCanDo}</Markdown>}
        {offers.length > 0 && <p className="mt-2 text-slate-800">{t("notice.offerCode")}</p>}
        <ul className="mt-2 list-disc pl-6">
          {notice.categories.map((c) => (
            <li key={c.slug}>
              <a href={remediationPath(notice.slug, c.slug)} className={link}>
                {t("result.remediationLink", { name: c.name })}
              </a>
            </li>
          ))}
        </ul>
        {notice.listBureaus && (
          <section aria-labelledby="bureaus" className="mt-4">
            <h3 id="bureaus" className="font-semibold text-slate-900">
              {t("notice.bureausTitle")}
            </h3>
            <p className="text-slate-800">{t("notice.bureausIntro")}</p>
            <ul className="mt-2 grid gap-3 sm:grid-cols-3 print:grid-cols-3" data-testid="bureaus">
              {CREDIT_BUREAUS.map((b) => (
                <li key={b.name} className="text-slate-800">
                  <p className="font-medium text-slate-900">{b.name}</p>
                  <p>{t("notice.bureauPhone", { phone: b.phone })}</p>
                  <p>
                    {t("notice.bureauWeb")}{" "}
                    <a href={b.url} className={`${link} break-all`}>
                      {b.url}
                    </a>
                  </p>
                </li>
              ))}
            </ul>
            <p className="mt-2 text-slate-800">{t("notice.ftc")}</p>
          </section>
        )}
      </section>

      <section aria-labelledby="more-info">
        <h2 id="more-info" className={h2}>
          {t("notice.moreInfo")}
        </h2>
        <div className="mt-2 space-y-1 text-slate-800">
          {notice.contactPhone && <p>{t("notice.contactPhone", { phone: notice.contactPhone })}</p>}
          {notice.contactUrl && (
            <p>
              {t("notice.contactWeb")}{" "}
              <a href={notice.contactUrl} className={`${link} break-all`}>
                {notice.contactUrl}
              </a>
            </p>
          )}
          {notice.contactMail && (
            <div>
              <p>{t("notice.contactMail")}</p>
              <address className="whitespace-pre-line not-italic">{notice.contactMail}</address>
            </div>
          )}
          {!notice.contactPhone && !notice.contactUrl && !notice.contactMail && <p>{t("notice.noContact")}</p>}
        </div>
      </section>
      <PrintButton />
    </article>
  );
}

type NoticeOffer = {
  slug: string;
  names: string[];
  provider: string;
  months: number;
  enrollUrl: string;
  instructions: string | null;
};

/**
 * The groups' offers, each listed once however many groups carry the same one (the same
 * provider, length, address and instructions), with the names of the groups it is for.
 */
function noticeOffers(categories: Notice["categories"]): NoticeOffer[] {
  const offers = new Map<string, NoticeOffer>();
  for (const c of categories) {
    if (!c.offerProvider || !c.offerMonths || !c.offerEnrollUrl) continue;
    const key = JSON.stringify([c.offerProvider, c.offerMonths, c.offerEnrollUrl, c.offerInstructions]);
    const known = offers.get(key);
    if (known) known.names.push(c.name);
    else
      offers.set(key, {
        slug: c.slug,
        names: [c.name],
        provider: c.offerProvider,
        months: c.offerMonths,
        enrollUrl: c.offerEnrollUrl,
        instructions: c.offerInstructions,
      });
  }
  return [...offers.values()];
}

/** The breach's date (one day, a range, or "on or before"), discovery, notice and delay. */
function NoticeDates({ notice: n, t }: { notice: Notice; t: ReturnType<typeof getTranslator> }) {
  const from = n.breachStartedOn;
  const to = n.breachEndedOn;
  const breach =
    from && to && from.getTime() !== to.getTime()
      ? t("notice.breachRange", { from, to })
      : from
        ? t("notice.breachOn", { date: from })
        : to
          ? t("notice.breachBefore", { date: to })
          : t("notice.breachUnknown");
  return (
    <section aria-label={t("notice.dates")} className="rounded-md border border-slate-300 p-4 text-slate-800">
      <ul className="space-y-1">
        <li>{breach}</li>
        {n.discoveredOn && <li>{t("notice.discoveredOn", { date: n.discoveredOn })}</li>}
        {n.noticeOn && <li>{t("notice.noticeOn", { date: n.noticeOn })}</li>}
        <li>{n.noticeDelayedForLaw ? t("notice.delayed") : t("notice.notDelayed")}</li>
      </ul>
    </section>
  );
}

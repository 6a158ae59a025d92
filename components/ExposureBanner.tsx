import { useLocale, useTranslations } from "use-intl";
import { CarrierContact } from "@/components/CarrierContact";
import { DEFAULT_LOCALE, isLocale, localizedPath } from "@/lib/i18n/locale";
import type { ExposureResult, Offer } from "@/lib/exposures/types";
import { rankByHarm } from "@/lib/exposures/harm";
import type { CarrierSettings } from "@/lib/config/carrier-fields";
import { maskPhone } from "@/lib/phone/mask";

/**
 * The answer to a check, shaped like the banner on the carrier's account login page:
 * what happened, what was exposed (most harmful first), and where to go next. "Not found"
 * promises nothing and says what it does not mean.
 * A labelled region, not a live one: the check flow moves focus to its heading. With the
 * carrier's details (customer pages), how to reach it closes the answer.
 */
export function ExposureBanner({ result, carrier }: { result: ExposureResult; carrier?: CarrierSettings }) {
  const t = useTranslations("result");
  const locale = useLocale();
  if (!result.affected) {
    return (
      <section
        aria-labelledby="banner-title"
        data-result
        className="rounded-lg border-l-8 border-slate-500 bg-slate-50 p-5"
      >
        <h2
          id="banner-title"
          tabIndex={-1}
          data-step-focus
          className="text-lg font-semibold text-slate-900 focus:outline-none"
        >
          {t("notFoundTitle")}
        </h2>
        <p className="mt-2 text-slate-800">{t("notFoundIntro", { phone: maskPhone(result.phone) })}</p>
        <p className="mt-2 text-slate-800">{t("notFoundBody")}</p>
        <p className="mt-2 text-slate-800">
          <a
            className="font-semibold text-blue-800 underline underline-offset-2 hover:text-blue-950"
            href={t("generalAdviceUrl")}
          >
            {t("generalAdvice")}
          </a>
        </p>
        {carrier && <Contact carrier={carrier} />}
      </section>
    );
  }
  return (
    <section
      aria-labelledby="banner-title"
      data-result
      className="rounded-lg border-l-8 border-amber-600 bg-amber-50 p-5"
    >
      <h2
        id="banner-title"
        tabIndex={-1}
        data-step-focus
        className="text-lg font-semibold text-slate-900 focus:outline-none"
      >
        {t("affectedTitle")}
      </h2>
      <p className="mt-1 text-slate-800">{t("affectedIntro", { phone: maskPhone(result.phone) })}</p>
      <ul className="mt-4 space-y-4">
        {result.exposures.map((x) => (
          <li key={`${x.incident.slug}/${x.category.slug}`} className="rounded-md bg-white p-4 shadow-sm">
            <p className="font-medium text-slate-900">
              {t("incident", { title: x.incident.title, disclosedAt: new Date(`${x.incident.disclosedAt}T00:00:00Z`) })}
            </p>
            <p className="text-slate-800">{t("category", { name: x.category.name })}</p>
            <h3 className="mt-3 text-sm font-semibold uppercase tracking-wide text-slate-700">{t("dataExposed")}</h3>
            <ul className="mt-1 list-disc pl-6 text-slate-800">
              {rankByHarm(x.category.dataExposed).map((d) => (
                <li key={d}>{d}</li>
              ))}
            </ul>
            {x.offer && <OfferBox offer={x.offer} />}
            <p className="mt-3 flex flex-wrap gap-x-6 gap-y-1">
              <a className={link} href={localizedPath(isLocale(locale) ? locale : DEFAULT_LOCALE, x.remediationUrl)}>
                {t("remediationLink", { name: x.category.name })}
              </a>
              <a className={link} href={localizedPath(isLocale(locale) ? locale : DEFAULT_LOCALE, x.noticeUrl)}>
                {t("noticeLink")}
              </a>
            </p>
          </li>
        ))}
      </ul>
      {carrier && <Contact carrier={carrier} />}
    </section>
  );
}

const link = "font-semibold text-blue-800 underline underline-offset-2 hover:text-blue-950";

/**
 * A group's identity-protection offer: the number's activation code after a verified
 * check; otherwise how to get one (none left, or this path hands none out: ADR 32).
 */
function OfferBox({ offer }: { offer: Offer }) {
  const t = useTranslations("result.offer");
  return (
    <div className="mt-3 rounded-md border border-emerald-700 bg-emerald-50 p-3">
      <h3 className="font-semibold text-slate-900">
        {t("title", { provider: offer.provider, months: offer.durationMonths })}
      </h3>
      {typeof offer.code === "string" ? (
        <p className="mt-1 text-slate-800">
          {t("code")}: <strong className="font-mono text-lg tracking-wide">{offer.code}</strong>
        </p>
      ) : (
        <p className="mt-1 text-slate-800">{offer.code === null ? t("noCode") : t("verifyForCode")}</p>
      )}
      {offer.instructions && <p className="mt-1 text-slate-800">{offer.instructions}</p>}
      <a className={`mt-1 inline-block ${link}`} href={offer.enrollUrl} rel="noopener noreferrer">
        {t("enroll", { provider: offer.provider })}
      </a>
    </div>
  );
}

function Contact({ carrier }: { carrier: CarrierSettings }) {
  return (
    <div className="mt-4">
      <CarrierContact carrier={carrier} level={3} />
    </div>
  );
}

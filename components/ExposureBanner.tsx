import { useTranslations } from "use-intl";
import { CarrierContact } from "@/components/CarrierContact";
import type { ExposureResult } from "@/lib/exposures/types";
import type { CarrierSettings } from "@/lib/settings/carrier-fields";
import { maskPhone } from "@/lib/phone/mask";

/**
 * The answer to a check, shaped like the banner on the carrier's account login page:
 * what happened, what was exposed, and where to go next. "Not found" promises nothing.
 * A labelled region, not a live one: the check flow moves focus to its heading. With the
 * carrier's details (customer pages), how to reach it closes the answer.
 */
export function ExposureBanner({ result, carrier }: { result: ExposureResult; carrier?: CarrierSettings }) {
  const t = useTranslations("result");
  if (!result.affected) {
    return (
      <section aria-labelledby="banner-title" className="rounded-lg border-l-8 border-slate-500 bg-slate-50 p-5">
        <h2
          id="banner-title"
          tabIndex={-1}
          data-step-focus
          className="text-lg font-semibold text-slate-900 focus:outline-none"
        >
          {t("notFoundTitle")}
        </h2>
        <p className="mt-2 text-slate-800">{t("notFoundBody")}</p>
        {carrier && <Contact carrier={carrier} />}
      </section>
    );
  }
  return (
    <section aria-labelledby="banner-title" className="rounded-lg border-l-8 border-amber-600 bg-amber-50 p-5">
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
              {x.category.dataExposed.map((d) => (
                <li key={d}>{d}</li>
              ))}
            </ul>
            <a
              className="mt-3 inline-block font-semibold text-blue-800 underline underline-offset-2 hover:text-blue-950"
              href={x.remediationUrl}
            >
              {t("remediationLink", { name: x.category.name })}
            </a>
          </li>
        ))}
      </ul>
      {carrier && <Contact carrier={carrier} />}
    </section>
  );
}

function Contact({ carrier }: { carrier: CarrierSettings }) {
  return (
    <div className="mt-4">
      <CarrierContact carrier={carrier} level={3} />
    </div>
  );
}

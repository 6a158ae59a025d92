"use client";

import { useTranslations } from "use-intl";
import { telHref, type CarrierSettings } from "@/lib/config/carrier-fields";

type Props = {
  carrier: Pick<CarrierSettings, "name" | "supportPhone" | "supportUrl" | "address">;
  /** Heading level: 2 on a page, 3 inside the result. */
  level?: 2 | 3;
};

const link = "font-semibold text-blue-800 underline underline-offset-2 hover:text-blue-950";

/** How to reach the carrier, as real links: a tel: number, its help page, its postal address. */
export function CarrierContact({ carrier, level = 2 }: Props) {
  const t = useTranslations("carrier");
  const Heading = level === 2 ? "h2" : "h3";
  return (
    <aside aria-labelledby="carrier-contact" className="rounded-md border border-slate-300 bg-white p-4 text-slate-900">
      <Heading id="carrier-contact" className="font-semibold">
        {t("contactHeading", { carrier: carrier.name })}
      </Heading>
      <ul className="mt-2 space-y-1">
        {carrier.supportPhone && (
          <li>
            <a href={telHref(carrier.supportPhone)} className={link}>
              {t("call", { phone: carrier.supportPhone })}
            </a>
          </li>
        )}
        {carrier.supportUrl && (
          <li>
            <a href={carrier.supportUrl} rel="noopener noreferrer" className={link}>
              {t("web", { url: carrier.supportUrl.replace(/^https?:\/\//, "") })}
            </a>
          </li>
        )}
        {carrier.address && (
          <li>
            {t("write")} <address className="inline whitespace-pre-line not-italic">{carrier.address}</address>
          </li>
        )}
      </ul>
    </aside>
  );
}

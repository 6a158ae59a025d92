"use client";

import { usePathname } from "next/navigation";
import { useTranslations } from "use-intl";

type Props = {
  carrier: { name: string; logoUrl: string };
  /** The check page in the reader's language. */ home?: string;
};

/**
 * The header's product name: on customer pages the carrier's logo and name, leading to
 * the check; in the console the console's name, leading to the console home.
 */
export function HeaderHome({ carrier, home = "/" }: Props) {
  const t = useTranslations();
  const app = t("app.name");
  const inConsole = (usePathname() ?? "/").startsWith("/admin");
  if (inConsole)
    return (
      <a href="/admin" className="text-lg font-bold focus:outline-none focus-visible:ring-4 focus-visible:ring-white">
        {t("admin.shell.home", { app })}
      </a>
    );
  return (
    <a
      href={home}
      className="inline-flex items-center gap-3 text-lg font-bold focus:outline-none focus-visible:ring-4 focus-visible:ring-white"
    >
      {carrier.logoUrl && (
        // A logo of any size, from this site or an https address: a plain img, height-bound.
        // eslint-disable-next-line @next/next/no-img-element
        <img src={carrier.logoUrl} alt={t("carrier.logo", { carrier: carrier.name })} className="h-8 w-auto" />
      )}
      <span>{t("carrier.headerName", { carrier: carrier.name, app })}</span>
    </a>
  );
}

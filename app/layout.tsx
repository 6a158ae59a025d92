import type { Metadata } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import "@/app/globals.css";
import { HeaderHome } from "@/components/HeaderHome";
import { IntlClientProvider } from "@/components/IntlClientProvider";
import { LocaleSwitcher } from "@/components/LocaleSwitcher";
import { customerPagePath, requestLocale } from "@/lib/auth/next";
import { localizedPath } from "@/lib/i18n/locale";
import { getTranslator, messagesFor } from "@/lib/i18n/translator";
import { getServices } from "@/lib/services";

/** The carrier's details (settings, cached in-process): never read at build time. */
async function carrier() {
  await connection();
  return getServices().carrier.current();
}

export async function generateMetadata(): Promise<Metadata> {
  const t = getTranslator(await requestLocale());
  const site = t("carrier.headerName", { carrier: (await carrier()).name, app: t("app.name") });
  return {
    title: { default: site, template: `%s — ${site}` },
    description: t("check.title"),
    referrer: "same-origin",
  };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await requestLocale();
  // Only customer pages have a language to switch (the console stays English).
  const page = await customerPagePath();
  const t = getTranslator(locale);
  const { name, logoUrl, color } = await carrier();
  return (
    <html lang={locale}>
      <body className="min-h-screen bg-white text-slate-900 antialiased">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-white focus:p-2"
        >
          {t("app.skipToContent")}
        </a>
        {/* The carrier's colour: a stylesheet of our own (app/carrier.css), since the CSP admits no inline style. */}
        <link rel="stylesheet" href={`/carrier.css?c=${color.slice(1)}`} precedence="default" />
        <IntlClientProvider locale={locale} messages={messagesFor(locale)}>
          <header className="border-b border-slate-200 bg-[var(--carrier-color,#0f172a)] text-white print:bg-white print:text-slate-900">
            <div className="mx-auto flex max-w-3xl flex-wrap items-center justify-between gap-2 px-4 py-4">
              <HeaderHome carrier={{ name, logoUrl }} home={page ? localizedPath(locale, "/") : "/"} />
              {page && (
                <LocaleSwitcher
                  current={locale}
                  path={page}
                  label={t("locale.label")}
                  names={{ en: t("locale.en"), es: t("locale.es") }}
                />
              )}
            </div>
          </header>
          <main id="main" className="mx-auto max-w-3xl px-4 py-8">
            {children}
          </main>
        </IntlClientProvider>
        <footer className="mx-auto max-w-3xl space-y-2 px-4 pb-8 text-sm text-slate-700 print:hidden">
          <p>{t("app.footer")}</p>
          <p>
            <a href="/docs/api" className="underline underline-offset-2">
              {t("app.footerApiDocs")}
            </a>
          </p>
        </footer>
      </body>
    </html>
  );
}

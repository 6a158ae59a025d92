import type { Metadata } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import "@/app/globals.css";
import { HeaderHome } from "@/components/HeaderHome";
import { IntlClientProvider } from "@/components/IntlClientProvider";
import { DEFAULT_LOCALE, getTranslator, messagesFor } from "@/lib/i18n/translator";
import { getServices } from "@/lib/services";

/** The carrier's details (settings, cached in-process): never read at build time. */
async function carrier() {
  await connection();
  return getServices().carrier.current();
}

export async function generateMetadata(): Promise<Metadata> {
  const t = getTranslator();
  const site = t("carrier.headerName", { carrier: (await carrier()).name, app: t("app.name") });
  return {
    title: { default: site, template: `%s — ${site}` },
    description: t("check.title"),
    referrer: "same-origin",
  };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const t = getTranslator();
  const { name, logoUrl, color } = await carrier();
  return (
    <html lang={DEFAULT_LOCALE}>
      <body className="min-h-screen bg-white text-slate-900 antialiased">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-white focus:p-2"
        >
          {t("app.skipToContent")}
        </a>
        {/* The carrier's colour: a stylesheet of our own (app/carrier.css), since the CSP admits no inline style. */}
        <link rel="stylesheet" href={`/carrier.css?c=${color.slice(1)}`} precedence="default" />
        <IntlClientProvider locale={DEFAULT_LOCALE} messages={messagesFor(DEFAULT_LOCALE)}>
          <header className="border-b border-slate-200 bg-[var(--carrier-color,#0f172a)] text-white print:bg-white print:text-slate-900">
            <div className="mx-auto max-w-3xl px-4 py-4">
              <HeaderHome carrier={{ name, logoUrl }} />
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

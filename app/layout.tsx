import type { Metadata } from "next";
import type { ReactNode } from "react";
import "@/app/globals.css";
import { IntlClientProvider } from "@/components/IntlClientProvider";
import { DEFAULT_LOCALE, getTranslator, messagesFor } from "@/lib/i18n/translator";

export function generateMetadata(): Metadata {
  const t = getTranslator();
  return { title: t("app.name"), description: t("check.title"), referrer: "same-origin" };
}

export default function RootLayout({ children }: { children: ReactNode }) {
  const t = getTranslator();
  return (
    <html lang={DEFAULT_LOCALE}>
      <body className="min-h-screen bg-white text-slate-900 antialiased">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-white focus:p-2"
        >
          {t("app.skipToContent")}
        </a>
        <header className="border-b border-slate-200 bg-slate-900 text-white print:bg-white print:text-slate-900">
          <div className="mx-auto max-w-3xl px-4 py-4">
            <a href="/" className="text-lg font-bold">
              {t("app.name")}
            </a>
          </div>
        </header>
        <IntlClientProvider locale={DEFAULT_LOCALE} messages={messagesFor(DEFAULT_LOCALE)}>
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

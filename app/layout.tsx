import type { Metadata } from "next";
import type { ReactNode } from "react";
import "@/app/globals.css";
import { IntlClientProvider } from "@/components/IntlClientProvider";
import { LocaleSwitcher } from "@/components/LocaleSwitcher";
import { customerPagePath, requestLocale } from "@/lib/auth/next";
import { localizedPath } from "@/lib/i18n/locale";
import { getTranslator, messagesFor } from "@/lib/i18n/translator";

export async function generateMetadata(): Promise<Metadata> {
  const t = getTranslator(await requestLocale());
  return { title: t("app.name"), description: t("check.title"), referrer: "same-origin" };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await requestLocale();
  // Only customer pages have a language to switch (the console stays English).
  const page = await customerPagePath();
  const t = getTranslator(locale);
  return (
    <html lang={locale}>
      <body className="min-h-screen bg-white text-slate-900 antialiased">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-white focus:p-2"
        >
          {t("app.skipToContent")}
        </a>
        <header className="border-b border-slate-200 bg-slate-900 text-white print:bg-white print:text-slate-900">
          <div className="mx-auto flex max-w-3xl flex-wrap items-center justify-between gap-2 px-4 py-4">
            <a href={page ? localizedPath(locale, "/") : "/"} className="text-lg font-bold">
              {t("app.name")}
            </a>
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
        <IntlClientProvider locale={locale} messages={messagesFor(locale)}>
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

import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { GET as exposuresApi } from "@/app/api/v1/exposures/[phone]/route";
import { DemoBanner } from "@/components/demo/DemoBanner";
import { requestLocale, requestMeta } from "@/lib/auth/next";
import {
  DEMO_ACCOUNTS,
  demoAccount,
  demoApiKey,
  demoLookup,
  type DemoAccount,
  type DemoLookup,
} from "@/lib/demo/account-page";
import { localizedPath, type Locale } from "@/lib/i18n/locale";
import { getTranslator } from "@/lib/i18n/translator";
import { getServices } from "@/lib/services";

export async function generateMetadata(): Promise<Metadata> {
  return { title: getTranslator(await requestLocale())("demo.title"), robots: { index: false } };
}

type SearchParams = Record<string, string | string[] | undefined>;

const button =
  "rounded-md bg-emerald-800 px-5 py-2.5 font-semibold text-white hover:bg-emerald-900 focus:outline-none focus:ring-4 focus:ring-emerald-300";

/**
 * A fake carrier's account page: "sign in" as a demo account (a plain GET form, no
 * password, no session), and its server asks the integration API about the account's
 * number, as the carrier's would, and shows the banner. Only in demo deployments
 * (the outbox SMS provider), like the outbox.
 */
export default async function DemoAccountPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await connection();
  const { config, db, keyring } = getServices();
  if (config.smsProvider !== "outbox") notFound();
  const locale = await requestLocale();
  const t = getTranslator(locale);
  const account = demoAccount(await searchParams);
  // The carrier's server calls the API for its signed-in customer, on the visitor's behalf.
  const lookup =
    account && (await demoLookup(exposuresApi, await demoApiKey(db, keyring), account, (await requestMeta()).ip));
  return (
    <div className="space-y-6">
      <p role="note" className="rounded-md border border-amber-600 bg-amber-50 p-3 text-slate-900">
        {t("demo.notice")}{" "}
        <a href="/docs/api" className="font-semibold text-blue-800 underline underline-offset-2">
          {t("demo.docs")}
        </a>
      </p>
      <div className="rounded-lg border border-emerald-800">
        <p className="rounded-t-lg bg-emerald-800 px-4 py-3 text-xl font-bold text-white">{t("demo.brand")}</p>
        <div className="space-y-6 p-4">
          {account && lookup ? (
            <SignedIn account={account} lookup={lookup} locale={locale} />
          ) : (
            <SignInForm locale={locale} />
          )}
        </div>
      </div>
    </div>
  );
}

function SignInForm({ locale }: { locale: Locale }) {
  const t = getTranslator(locale);
  return (
    <form method="get" action={localizedPath(locale, "/demo/account")} className="space-y-4">
      <h1 className="text-2xl font-bold text-slate-900">{t("demo.signInTitle")}</h1>
      <fieldset className="space-y-2">
        <legend className="font-medium text-slate-900">{t("demo.account")}</legend>
        {DEMO_ACCOUNTS.map((a, i) => (
          <label key={a.id} className="flex items-center gap-2 text-slate-900">
            <input type="radio" name="account" value={a.id} defaultChecked={i === 0} className="h-5 w-5" />
            {t("demo.accountOption", { name: a.name, phone: a.display })}
          </label>
        ))}
      </fieldset>
      <button type="submit" className={button}>
        {t("demo.signIn")}
      </button>
    </form>
  );
}

function SignedIn({ account, lookup, locale }: { account: DemoAccount; lookup: DemoLookup; locale: Locale }) {
  const t = getTranslator(locale);
  return (
    <>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <div>
          <h1 className="text-2xl font-bold text-slate-900">{t("demo.welcome", { name: account.name })}</h1>
          <p className="text-slate-800">{t("demo.line", { phone: account.display })}</p>
        </div>
        <a
          href={localizedPath(locale, "/demo/account")}
          className="font-semibold text-blue-800 underline underline-offset-2"
        >
          {t("demo.signOut")}
        </a>
      </div>
      {lookup.result ? (
        <DemoBanner result={lookup.result} />
      ) : (
        <p className="rounded-md border border-slate-400 p-3 text-slate-800">
          {t("demo.unavailable", { code: String(lookup.status) })}
        </p>
      )}
      <details className="rounded-md border border-slate-300 p-3">
        <summary className="cursor-pointer font-semibold text-slate-900">{t("demo.behind")}</summary>
        <div className="mt-2 space-y-2">
          <p className="text-slate-800">{t("demo.behindBody", { path: lookup.path })}</p>
          <p className="text-sm font-semibold text-slate-700">{t("demo.answer", { status: String(lookup.status) })}</p>
          <pre className="overflow-x-auto rounded-md bg-slate-100 p-3 text-sm text-slate-900">
            {JSON.stringify(lookup.body, null, 2)}
          </pre>
        </div>
      </details>
    </>
  );
}

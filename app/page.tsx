import type { Metadata } from "next";
import { connection } from "next/server";
import { checkFlowAction } from "@/app/actions/check-flow";
import { CheckFlow } from "@/components/check/CheckFlow";
import { requestLocale } from "@/lib/auth/next";
import { getConfig } from "@/lib/config";
import { localizedPath } from "@/lib/i18n/locale";
import { getTranslator } from "@/lib/i18n/translator";
import { unsafeProductionSettings } from "@/lib/ops/unsafe-settings";
import { getServices } from "@/lib/services";

export function generateMetadata(): Metadata {
  return { title: getTranslator()("check.title") };
}

export default async function CheckPage() {
  await connection();
  const config = getConfig();
  // The locale of the path alone: this page is the same for every reader of it (ADR 30).
  const locale = await requestLocale();
  const t = getTranslator(locale);
  const open = config.lookupMode === "open";
  const unsafe = unsafeProductionSettings(config);
  // Once the flow shows a result, the notices and the introduction move below it (and the
  // introduction goes): on a phone the answer is the first thing under the heading.
  const aside = "group-has-[[data-result]]/check:order-last";
  const carrier = await getServices().carrier.current();
  return (
    <div className="group/check flex flex-col gap-6">
      <h1 className="text-3xl font-bold text-slate-900">{t("check.title")}</h1>
      {unsafe.length > 0 && (
        <p
          role="alert"
          className={`${aside} rounded-md border border-red-700 bg-red-50 p-3 font-semibold text-red-800`}
        >
          {t("check.notForProduction", { settings: unsafe.join(", ") })}
        </p>
      )}
      {open ? (
        <p className={`${aside} rounded-md border border-amber-600 bg-amber-50 p-3 text-slate-900`}>
          {t("check.openNotice")}
        </p>
      ) : (
        config.smsProvider === "outbox" && (
          <p className={`${aside} rounded-md border border-blue-700 bg-blue-50 p-3 text-slate-900`}>
            {t("check.demoNotice")}{" "}
            <a
              href={localizedPath(locale, "/outbox")}
              target="_blank"
              className="font-semibold text-blue-800 underline underline-offset-2"
            >
              {t("check.demoOutboxLink")}
            </a>
            .
          </p>
        )
      )}
      <p className="text-slate-800 group-has-[[data-result]]/check:hidden">
        {open ? t("check.introOpen") : t("check.intro")}
      </p>
      <CheckFlow action={checkFlowAction} open={open} challenge={config.challenge.mode !== "off"} carrier={carrier} />
      {!open && <p className="text-sm text-slate-700">{t("check.privacy")}</p>}
    </div>
  );
}

import { customerPagePath, requestLocale } from "@/lib/auth/next";
import { localizedPath } from "@/lib/i18n/locale";
import { getTranslator } from "@/lib/i18n/translator";

export default async function NotFound() {
  const locale = await requestLocale();
  const t = getTranslator(locale);
  const home = (await customerPagePath()) ? localizedPath(locale, "/") : "/";
  return (
    <div className="space-y-4">
      <h1 className="text-3xl font-bold text-slate-900">{t("remediation.notFoundTitle")}</h1>
      <p className="text-slate-800">{t("remediation.notFoundBody")}</p>
      <a href={home} className="text-blue-800 underline underline-offset-2">
        {t("remediation.back")}
      </a>
    </div>
  );
}

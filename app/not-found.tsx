import { getTranslator } from "@/lib/i18n/translator";

export default function NotFound() {
  const t = getTranslator();
  return (
    <div className="space-y-4">
      <h1 className="text-3xl font-bold text-slate-900">{t("remediation.notFoundTitle")}</h1>
      <p className="text-slate-800">{t("remediation.notFoundBody")}</p>
      <a href="/" className="text-blue-800 underline underline-offset-2">
        {t("remediation.back")}
      </a>
    </div>
  );
}

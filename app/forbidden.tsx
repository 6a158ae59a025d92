import { getTranslator } from "@/lib/i18n/translator";

/** Rendered with status 403 by forbidden() (requirePermission in lib/auth/next.ts). */
export default function Forbidden() {
  const t = getTranslator();
  return (
    <div className="space-y-4">
      <h1 className="text-3xl font-bold text-slate-900">{t("admin.forbidden.title")}</h1>
      <p className="text-slate-800">{t("admin.forbidden.body")}</p>
      <a href="/admin" className="text-blue-800 underline underline-offset-2">
        {t("admin.forbidden.back")}
      </a>
    </div>
  );
}

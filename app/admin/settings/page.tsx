import type { Metadata } from "next";
import { saveSettingsAction } from "@/app/admin/settings/actions";
import { SettingsForm } from "@/components/admin/SettingsForm";
import { CarrierContact } from "@/components/CarrierContact";
import { requirePermission } from "@/lib/auth/next";
import { getTranslator } from "@/lib/i18n/translator";
import { getServices } from "@/lib/services";

export function generateMetadata(): Metadata {
  return { title: getTranslator()("admin.settings.title") };
}

/** Owners: what customers see of the carrier, and the way to pause texts. */
export default async function SettingsPage() {
  await requirePermission("settings:manage");
  const t = getTranslator();
  const { carrier } = getServices();
  const [overrides, current] = await Promise.all([carrier.overrides(), carrier.current()]);
  return (
    <>
      <h1 className="text-3xl font-bold text-slate-900">{t("admin.settings.title")}</h1>
      <p className="text-slate-800">{t("admin.settings.intro")}</p>
      <SettingsForm action={saveSettingsAction} overrides={overrides} defaults={carrier.defaults} />
      <section aria-labelledby="preview-heading" className="space-y-2">
        <h2 id="preview-heading" className="text-xl font-bold text-slate-900">
          {t("admin.settings.preview")}
        </h2>
        <CarrierContact carrier={current} />
      </section>
      <section aria-labelledby="texts-heading" className="space-y-2">
        <h2 id="texts-heading" className="text-xl font-bold text-slate-900">
          {t("admin.settings.texts")}
        </h2>
        <p className="text-slate-800">{t("admin.settings.textsIntro")}</p>
        <a href="/admin/dashboard#sms-heading" className="font-semibold text-blue-800 underline underline-offset-2">
          {t("admin.settings.textsDashboard")}
        </a>
      </section>
    </>
  );
}

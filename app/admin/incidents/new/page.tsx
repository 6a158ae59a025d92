import { createIncidentAction } from "@/app/admin/incidents/actions";
import { IncidentForm } from "@/components/admin/IncidentForm";
import { requirePermission } from "@/lib/auth/next";
import { getTranslator } from "@/lib/i18n/translator";
import { incidentFormValues } from "@/lib/incidents/form-values";

/** A new incident; its groups are added on its edit page afterwards. */
export default async function NewIncidentPage() {
  await requirePermission("incidents:edit");
  const t = getTranslator();
  return (
    <>
      <h1 className="text-3xl font-bold text-slate-900">{t("admin.incidents.newTitle")}</h1>
      <p className="text-slate-800">{t("admin.incidents.newIntro")}</p>
      <IncidentForm action={createIncidentAction} mode="create" initial={incidentFormValues("", null)} />
      <a href="/admin/incidents" className="text-blue-800 underline underline-offset-2">
        {t("admin.incidents.backToList")}
      </a>
    </>
  );
}

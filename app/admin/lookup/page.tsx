import { agentLookupAction } from "@/app/admin/lookup/actions";
import { AgentLookup } from "@/components/admin/AgentLookup";
import { requirePermission } from "@/lib/auth/next";
import { getTranslator } from "@/lib/i18n/translator";

/** Agent lookup: a number for a caller, answered at once and audited. */
export default async function AgentLookupPage() {
  await requirePermission("lookup:agent");
  const t = getTranslator();
  return (
    <>
      <h1 className="text-3xl font-bold text-slate-900">{t("admin.lookup.title")}</h1>
      <p className="text-slate-800">{t("admin.lookup.intro")}</p>
      <AgentLookup action={agentLookupAction} />
    </>
  );
}

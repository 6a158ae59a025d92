import { ScrollTable } from "@/components/admin/ScrollTable";
import { createApiKeyAction, revokeApiKeyAction } from "@/app/admin/api-keys/actions";
import { ApiKeyRowActions } from "@/components/admin/ApiKeyRowActions";
import { CreateApiKeyForm } from "@/components/admin/CreateApiKeyForm";
import { CopyButton } from "@/components/forms/CopyButton";
import { listApiKeys, type ApiKeyRow } from "@/lib/api-keys/manage";
import { requirePermission } from "@/lib/auth/next";
import { getTranslator } from "@/lib/i18n/translator";
import { getServices } from "@/lib/services";

const COLUMNS = ["name", "prefix", "createdBy", "created", "lastUsed", "status", "manage"] as const;

/** Owners only: the integration API's keys, creating one (shown once) and revoking. */
export default async function ApiKeysPage() {
  await requirePermission("apikeys:manage");
  const t = getTranslator();
  const keys = await listApiKeys(getServices().db);
  return (
    <>
      <h1 className="text-3xl font-bold text-slate-900">{t("admin.apiKeys.title")}</h1>
      <p className="text-slate-800">{t("admin.apiKeys.intro")}</p>
      <p>
        <a href="/docs/api" className="font-semibold text-blue-800 underline underline-offset-2">
          {t("admin.apiKeys.docs")}
        </a>
      </p>

      <section aria-labelledby="create-heading" className="space-y-3 rounded-md border border-slate-300 p-4">
        <h2 id="create-heading" className="text-xl font-bold text-slate-900">
          {t("admin.apiKeys.createHeading")}
        </h2>
        <CreateApiKeyForm action={createApiKeyAction} />
      </section>

      <section aria-labelledby="keys-heading" className="space-y-3">
        <h2 id="keys-heading" className="text-xl font-bold text-slate-900">
          {t("admin.apiKeys.listHeading")}{" "}
          <span className="text-base font-normal text-slate-700">
            ({t("admin.apiKeys.count", { count: keys.length })})
          </span>
        </h2>
        {keys.length > 0 && (
          <ScrollTable labelledBy="keys-heading">
            <table className="w-full border-collapse text-left text-sm">
              <thead>
                <tr className="border-b border-slate-400">
                  {COLUMNS.map((h) => (
                    <th key={h} scope="col" className="py-2 pr-3">
                      {t(`admin.apiKeys.columns.${h}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {keys.map((key) => (
                  <KeyRow key={key.id} apiKey={key} />
                ))}
              </tbody>
            </table>
          </ScrollTable>
        )}
        <p className="text-sm text-slate-700">{t("admin.apiKeys.lastUsedNote")}</p>
      </section>
      <a href="/admin" className="text-blue-800 underline underline-offset-2">
        {t("admin.apiKeys.back")}
      </a>
    </>
  );
}

function KeyRow({ apiKey }: { apiKey: ApiKeyRow }) {
  const t = getTranslator();
  return (
    <tr className="border-b border-slate-200 align-top" data-testid="api-key-row">
      <th scope="row" className="py-2 pr-3 font-semibold wrap-break-word">
        {apiKey.name}
      </th>
      <td className="py-2 pr-3 font-mono whitespace-nowrap">
        {apiKey.prefix}…
        <CopyButton value={apiKey.prefix} what={t("admin.apiKeys.copyPrefix", { name: apiKey.name })} />
      </td>
      <td className="py-2 pr-3 wrap-anywhere">{apiKey.createdByEmail}</td>
      <td className="py-2 pr-3 whitespace-nowrap">
        <When at={apiKey.createdAt} />
      </td>
      <td className="py-2 pr-3 whitespace-nowrap">
        {apiKey.lastUsedAt ? <When at={apiKey.lastUsedAt} /> : t("admin.apiKeys.never")}
      </td>
      <td className="py-2 pr-3">
        {apiKey.revokedAt ? (
          <span className="font-semibold text-red-800">
            {t("admin.apiKeys.revokedAt", { at: stamp(apiKey.revokedAt) })}
          </span>
        ) : (
          t("admin.apiKeys.active")
        )}
      </td>
      <td className="py-2 pr-3">
        {!apiKey.revokedAt && (
          <ApiKeyRowActions apiKey={{ id: apiKey.id, name: apiKey.name }} revoke={revokeApiKeyAction} />
        )}
      </td>
    </tr>
  );
}

const stamp = (at: Date) => at.toISOString().replace("T", " ").slice(0, 16);

function When({ at }: { at: Date }) {
  return <time dateTime={at.toISOString()}>{stamp(at)}</time>;
}

import { requirePermission } from "@/lib/auth/next";
import { AUDIT_ACTIONS } from "@/lib/audit/record";
import { AuditEntries } from "@/components/admin/AuditEntries";
import { AuditQuery, listAudit, type AuditFilter, type AuditPage } from "@/lib/audit/list";
import { translateKey } from "@/lib/http/respond";
import { getTranslator } from "@/lib/i18n/translator";
import { getServices } from "@/lib/services";
import { issueKey } from "@/lib/validation/issue-messages";

type SearchParams = Record<string, string | string[] | undefined>;

const input =
  "mt-1 block rounded-md border border-slate-500 px-3 py-2 text-slate-900 focus:outline-none focus:ring-4 focus:ring-blue-300";

/** Owners only: the audit log, newest first, filtered by GET parameters (validated by zod). */
export default async function AuditLogPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requirePermission("audit:view");
  const t = getTranslator();
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const parsed = AuditQuery.safeParse(raw);
  const errors = parsed.success ? [] : [...new Set(parsed.error.issues.map(issueKey))];
  const filter: AuditFilter = parsed.success ? parsed.data : { page: 1 };
  const result: AuditPage | null = parsed.success ? await listAudit(getServices().db, filter) : null;
  const shown = (k: string) => (typeof raw[k] === "string" ? (raw[k] as string).slice(0, 320) : "");

  return (
    <>
      <h1 className="text-3xl font-bold text-slate-900">{t("admin.audit.title")}</h1>
      <p className="text-slate-800">{t("admin.audit.intro")}</p>

      <form
        method="get"
        action="/admin/audit"
        className="space-y-4 rounded-md border border-slate-300 p-4"
        aria-labelledby="filters-heading"
      >
        <h2 id="filters-heading" className="text-lg font-bold text-slate-900">
          {t("admin.audit.filters")}
        </h2>
        {errors.length > 0 && (
          <ul role="alert" className="rounded-md border border-red-700 bg-red-50 p-3 font-medium text-red-800">
            {errors.map((key) => (
              <li key={key}>{translateKey(t, key)}</li>
            ))}
          </ul>
        )}
        <div className="grid gap-4 sm:grid-cols-2">
          <div>
            <label htmlFor="actor" className="block font-medium text-slate-900">
              {t("admin.audit.actor")}
            </label>
            <input
              id="actor"
              name="actor"
              type="text"
              defaultValue={shown("actor")}
              aria-describedby="actor-hint"
              className={`${input} w-full`}
            />
            <p id="actor-hint" className="text-sm text-slate-700">
              {t("admin.audit.actorHint")}
            </p>
          </div>
          <div>
            <label htmlFor="action" className="block font-medium text-slate-900">
              {t("admin.audit.action")}
            </label>
            <select id="action" name="action" defaultValue={shown("action")} className={`${input} w-full`}>
              <option value="">{t("admin.audit.anyAction")}</option>
              {AUDIT_ACTIONS.map((a) => (
                <option key={a} value={a}>
                  {t(`admin.audit.actions.${a}`)}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="from" className="block font-medium text-slate-900">
              {t("admin.audit.from")}
            </label>
            <input
              id="from"
              name="from"
              type="date"
              defaultValue={shown("from")}
              aria-describedby="date-hint"
              className={input}
            />
          </div>
          <div>
            <label htmlFor="to" className="block font-medium text-slate-900">
              {t("admin.audit.to")}
            </label>
            <input
              id="to"
              name="to"
              type="date"
              defaultValue={shown("to")}
              aria-describedby="date-hint"
              className={input}
            />
          </div>
        </div>
        <p id="date-hint" className="text-sm text-slate-700">
          {t("admin.audit.dateHint")}
        </p>
        <div className="flex items-center gap-4">
          <button
            type="submit"
            className="rounded-md bg-blue-800 px-4 py-2 font-semibold text-white hover:bg-blue-900 focus:outline-none focus:ring-4 focus:ring-blue-300"
          >
            {t("admin.audit.apply")}
          </button>
          <a href="/admin/audit" className="text-blue-800 underline underline-offset-2">
            {t("admin.audit.clear")}
          </a>
        </div>
      </form>

      {result && (
        <p>
          <a
            href={`/api/admin/audit/export?${filterQuery(filter).toString()}`}
            download
            aria-describedby="export-hint"
            className="font-semibold text-blue-800 underline underline-offset-2"
          >
            {t("admin.audit.export")}
          </a>{" "}
          <span id="export-hint" className="text-sm text-slate-700">
            {t("admin.audit.exportHint")}
          </span>
        </p>
      )}
      {result && <AuditEntries result={result} pageHref={(page) => pageHref(filter, page)} />}
      <a href="/admin" className="text-blue-800 underline underline-offset-2">
        {t("admin.audit.back")}
      </a>
    </>
  );
}

/** The filter (not the page) as GET parameters, for the pages and the export. */
function filterQuery(filter: AuditFilter): URLSearchParams {
  const q = new URLSearchParams();
  for (const k of ["actor", "action", "from", "to"] as const) if (filter[k]) q.set(k, filter[k]!);
  return q;
}

function pageHref(filter: AuditFilter, page: number): string {
  const q = filterQuery(filter);
  q.set("page", String(page));
  return `/admin/audit?${q.toString()}`;
}

import { ScrollTable } from "@/components/admin/ScrollTable";
import { CopyButton } from "@/components/forms/CopyButton";
import type { AuditPage, AuditRow } from "@/lib/audit/list";
import { auditSentence } from "@/lib/audit/sentence";
import { getTranslator } from "@/lib/i18n/translator";

const link = "text-blue-800 underline underline-offset-2";

/**
 * One page of the audit log: each entry as a sentence, with what was stored folded away
 * in a <details>. The table scrolls sideways inside its own focusable region on a narrow
 * screen, never the page; emails and keys wrap at their boundaries or scroll, never
 * mid-word (no break-all).
 */
export function AuditEntries({ result, pageHref }: { result: AuditPage; pageHref: (page: number) => string }) {
  const t = getTranslator();
  if (result.entries.length === 0) return <p className="text-slate-800">{t("admin.audit.empty")}</p>;
  return (
    <section aria-labelledby="entries-heading" className="space-y-3">
      <h2 id="entries-heading" className="text-lg font-bold text-slate-900">
        {t("admin.audit.count", { total: result.total, page: result.page, pages: result.pages })}
      </h2>
      <ScrollTable labelledBy="entries-heading">
        <table className="w-full min-w-[32rem] border-collapse text-left text-sm">
          <thead>
            <tr className="border-b border-slate-400">
              {(["at", "entry", "ip"] as const).map((h) => (
                <th key={h} scope="col" className="py-2 pr-3">
                  {t(`admin.audit.${h}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {result.entries.map((e) => (
              <Entry key={e.id} entry={e} />
            ))}
          </tbody>
        </table>
      </ScrollTable>
      <nav aria-label={t("admin.audit.pagination")} className="flex gap-6">
        {result.page > 1 && (
          <a rel="prev" href={pageHref(result.page - 1)} className={link}>
            {t("admin.audit.previous")}
          </a>
        )}
        {result.page < result.pages && (
          <a rel="next" href={pageHref(result.page + 1)} className={link}>
            {t("admin.audit.next")}
          </a>
        )}
      </nav>
    </section>
  );
}

function Entry({ entry: e }: { entry: AuditRow }) {
  const t = getTranslator();
  const details = detailsText(e.details);
  const dt = "font-semibold text-slate-800";
  return (
    <tr className="border-b border-slate-200 align-top" data-testid="audit-entry">
      <td className="py-2 pr-3 whitespace-nowrap">
        <time dateTime={e.at.toISOString()}>{e.at.toISOString().replace("T", " ").slice(0, 19)}</time>
      </td>
      <td className="py-2 pr-3">
        <p className="wrap-break-word" data-testid="audit-sentence">
          {auditSentence(t, e)}
        </p>
        <details className="mt-1">
          <summary className="cursor-pointer text-blue-800">{t("admin.audit.raw")}</summary>
          <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
            <dt className={dt}>{t("admin.audit.rawId")}</dt>
            <dd className="font-mono">
              {e.id}
              <CopyButton value={e.id} what={t("admin.audit.rawId")} />
            </dd>
            <dt className={dt}>{t("admin.audit.rawActor")}</dt>
            <dd className="wrap-anywhere">{e.actorEmail}</dd>
            <dt className={dt}>{t("admin.audit.rawAction")}</dt>
            <dd className="font-mono">{e.action}</dd>
            {e.target && (
              <>
                <dt className={dt}>{t("admin.audit.rawTarget")}</dt>
                <dd className="wrap-anywhere">{e.target}</dd>
              </>
            )}
            {details && (
              <>
                <dt className={dt}>{t("admin.audit.rawDetails")}</dt>
                <dd>
                  <pre className="max-w-md overflow-x-auto font-mono text-xs whitespace-pre-wrap wrap-anywhere">
                    {details}
                  </pre>
                </dd>
              </>
            )}
          </dl>
        </details>
      </td>
      <td className="py-2 pr-3 font-mono whitespace-nowrap">{e.ip ?? ""}</td>
    </tr>
  );
}

function detailsText(details: unknown): string {
  if (!details || (typeof details === "object" && Object.keys(details).length === 0)) return "";
  return JSON.stringify(details, null, 1);
}

import { undoImportAction, wipeRejectionsAction } from "@/app/admin/imports/actions";
import { ScrollTable } from "@/components/admin/ScrollTable";
import { CopyButton } from "@/components/forms/CopyButton";
import { StepUpNotice } from "@/components/admin/StepUpNotice";
import { requirePermission } from "@/lib/auth/next";
import { listBatches, runningProgress } from "@/lib/imports/batches";
import { resumeFromQuery } from "@/lib/imports/resume";
import { purgeRejectedValues } from "@/lib/imports/rejections";
import { getTranslator } from "@/lib/i18n/translator";
import { getServices } from "@/lib/services";

/** Upload a list, and the import history with live progress, downloads and undo. */
type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ImportsPage({ searchParams }: Props) {
  await requirePermission("imports:run");
  const t = getTranslator();
  const { db } = getServices();
  const query = await searchParams;
  const resuming = await resumeFromQuery(db, query.resume);
  // Rejected values live a day at most; the history is where importers come back to.
  await purgeRejectedValues(db);
  const batches = await listBatches(db);
  const progress = await runningProgress(db);
  const running = batches.some((b) => b.status === "running");
  return (
    <>
      {/* Progress without JavaScript: the page reloads itself while an import runs. */}
      {running && <meta httpEquiv="refresh" content="2" />}
      <h1 className="text-3xl font-bold text-slate-900">{t("admin.imports.title")}</h1>
      {query.stepUp === "undo" && <StepUpNotice />}
      <form
        id="upload"
        method="post"
        action="/api/admin/imports"
        encType="multipart/form-data"
        className="space-y-3 rounded-md border border-slate-300 p-4"
      >
        {resuming && (
          <>
            <h2 className="text-xl font-bold text-slate-900">
              {t("admin.imports.resumeTitle", { batch: resuming.batchId, source: resuming.source })}
            </h2>
            <p className="text-slate-800">{t("admin.imports.resumeHint")}</p>
            {/* Before the file, so the server reads it before the upload ends. */}
            <input type="hidden" name="resume" value={resuming.batchId} />
          </>
        )}
        <label className="block font-medium text-slate-900">
          {t("admin.imports.file")}
          <input type="file" name="file" accept=".csv,text/csv" required className="mt-1 block" />
        </label>
        <p className="text-sm text-slate-700">{t("admin.imports.fileHint")}</p>
        <button type="submit" className="rounded-md bg-blue-800 px-4 py-2 font-semibold text-white">
          {t("admin.imports.upload")}
        </button>
      </form>
      <h2 id="history-heading" className="text-xl font-bold text-slate-900">
        {t("admin.imports.history")}
      </h2>
      <ScrollTable labelledBy="history-heading">
        <table className="w-full border-collapse text-left text-sm">
          <thead>
            <tr className="border-b border-slate-400">
              {(
                ["batch", "file", "status", "rows", "imported", "duplicates", "rejected", "seconds", "actions"] as const
              ).map((c) => (
                <th key={c} scope="col" className="py-2 pr-3">
                  {t(`admin.imports.columns.${c}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {batches.map((b) => {
              const p = progress.get(b.id);
              return (
                <tr key={b.id} className="border-b border-slate-200 align-top" data-testid="batch">
                  <td className="py-2 pr-3 whitespace-nowrap">
                    {b.id}
                    <CopyButton value={String(b.id)} what={t("admin.imports.copyBatch", { id: String(b.id) })} />
                  </td>
                  <td className="py-2 pr-3 wrap-anywhere">{b.source}</td>
                  <td className="py-2 pr-3">
                    {t(`admin.imports.status.${b.status}`)}
                    {p && b.status === "running" && (
                      <span className="block text-slate-700">
                        {t("admin.imports.progress", { pct: p.pct, rate: p.rate, eta: p.eta })}
                      </span>
                    )}
                  </td>
                  <td className="py-2 pr-3">{b.rows.toLocaleString("en-US")}</td>
                  <td className="py-2 pr-3">{b.imported.toLocaleString("en-US")}</td>
                  <td className="py-2 pr-3">{b.duplicates.toLocaleString("en-US")}</td>
                  <td className="py-2 pr-3">{b.rejected.toLocaleString("en-US")}</td>
                  <td className="py-2 pr-3">{b.seconds === null ? "" : b.seconds.toFixed(1)}</td>
                  <td className="space-y-1 py-2">
                    {b.rejected > 0 && (
                      <a className="block text-blue-800 underline" href={`/api/admin/imports/${b.id}/rejections`}>
                        {t("admin.imports.downloadRejected")}
                      </a>
                    )}
                    {b.rejected > 0 && (
                      <form action={wipeRejectionsAction}>
                        <input type="hidden" name="batchId" value={b.id} />
                        <button type="submit" className="text-red-800 underline">
                          {t("admin.imports.wipeRejected")}
                        </button>
                      </form>
                    )}
                    {(b.status === "failed" || b.status === "interrupted") && (
                      <a className="block text-blue-800 underline" href={`/admin/imports?resume=${b.id}#upload`}>
                        {t("admin.imports.resume")}
                      </a>
                    )}
                    {b.status !== "undone" && b.status !== "running" && (
                      <form action={undoImportAction}>
                        <input type="hidden" name="batchId" value={b.id} />
                        <button type="submit" className="text-red-800 underline">
                          {t("admin.imports.undo")}
                        </button>
                      </form>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollTable>
    </>
  );
}

import { ImportHistory } from "@/components/admin/ImportHistory";
import { LiveRefresh } from "@/components/admin/LiveRefresh";
import { StepUpNotice } from "@/components/admin/StepUpNotice";
import { requirePermission } from "@/lib/auth/next";
import { BATCH_STATUSES, listBatches, runningProgress } from "@/lib/imports/batches";
import { ImportError, importErrorMessage, isImportErrorCode } from "@/lib/imports/errors";
import { resumeFromQuery } from "@/lib/imports/resume";
import { purgeRejectedValues } from "@/lib/imports/rejections";
import { BatchId, HistoryOutcome, HistoryQuery } from "@/lib/imports/schemas";
import { getTranslator } from "@/lib/i18n/translator";
import { getServices } from "@/lib/services";

/** Upload a list, and the import history (filtered) with live progress, downloads, undo and restore. */
type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ImportsPage({ searchParams }: Props) {
  await requirePermission("imports:run");
  const t = getTranslator();
  const { db, config } = getServices();
  const query = await searchParams;
  const resuming = await resumeFromQuery(db, query.resume);
  const filter = HistoryQuery.parse({ incident: query.incident, status: query.status });
  // Rejected values live a day at most; the history is where importers come back to.
  await purgeRejectedValues(db);
  const [batches, progress, incidents] = await Promise.all([
    listBatches(db, new Date(), 100, filter, config.imports.restoreWindowHours),
    runningProgress(db),
    db.incident.findMany({ orderBy: { disclosedAt: "desc" }, select: { slug: true, title: true } }),
  ]);
  const live = batches.some((b) => b.status === "running" || b.status === "queued");
  const undo = BatchId.safeParse(query.undo);
  // ?batch= names the batch a refusal or an outcome is about.
  const namedBatch = BatchId.safeParse(query.batch);
  const refused =
    isImportErrorCode(query.refused) && namedBatch.success
      ? importErrorMessage(new ImportError(query.refused as "not_found", { batch: namedBatch.data }))
      : null;
  const outcome = HistoryOutcome.parse(query.done);
  return (
    <>
      {live && <LiveRefresh />}
      {/* Without JavaScript the page reloads itself while an import is queued or runs. */}
      {live && (
        <noscript>
          <meta httpEquiv="refresh" content="2" />
        </noscript>
      )}
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
      {outcome && namedBatch.success && (
        <p role="status" className="font-medium text-green-800">
          {t(`admin.imports.${outcome}`, { batch: namedBatch.data })}
        </p>
      )}
      {refused && (
        <p role="alert" className="font-medium text-red-800">
          {refused} {t("admin.imports.refused")}
        </p>
      )}
      <form
        method="get"
        action="/admin/imports"
        aria-label={t("admin.imports.filters")}
        className="flex flex-wrap items-end gap-3"
      >
        <label className="block font-medium text-slate-900">
          {t("admin.imports.filterIncident")}
          <select
            name="incident"
            defaultValue={filter.incident ?? ""}
            className="mt-1 block rounded-md border border-slate-500 px-2 py-1"
          >
            <option value="">{t("admin.imports.anyIncident")}</option>
            {incidents.map((i) => (
              <option key={i.slug} value={i.slug}>
                {i.title}
              </option>
            ))}
          </select>
        </label>
        <label className="block font-medium text-slate-900">
          {t("admin.imports.filterStatus")}
          <select
            name="status"
            defaultValue={filter.status ?? ""}
            className="mt-1 block rounded-md border border-slate-500 px-2 py-1"
          >
            <option value="">{t("admin.imports.anyStatus")}</option>
            {BATCH_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`admin.imports.status.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="rounded-md border border-slate-500 px-3 py-1.5 font-semibold text-slate-900">
          {t("admin.imports.applyFilters")}
        </button>
      </form>
      {batches.length === 0 ? (
        <p className="text-slate-800">{t("admin.imports.noBatches")}</p>
      ) : (
        <ImportHistory
          batches={batches}
          progress={progress}
          restoreWindowHours={config.imports.restoreWindowHours}
          confirmUndo={undo.success ? undo.data : null}
        />
      )}
    </>
  );
}

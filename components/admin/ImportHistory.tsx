import { ScrollTable } from "@/components/admin/ScrollTable";
import { restoreImportAction, undoImportAction, wipeRejectionsAction } from "@/app/admin/imports/actions";
import type { BatchProgress, BatchView } from "@/lib/imports/batches";
import { getTranslator } from "@/lib/i18n/translator";

type Props = {
  batches: BatchView[];
  progress: Map<number, BatchProgress>;
  restoreWindowHours: number;
  /** The batch whose undo confirmation is open (a refused undo without it lands here). */
  confirmUndo: number | null;
};

const COLUMNS = [
  "batch",
  "file",
  "incident",
  "category",
  "who",
  "when",
  "status",
  "rows",
  "imported",
  "duplicates",
  "rejected",
  "seconds",
  "actions",
] as const;
const td = "py-2 pr-3";
const num = "py-2 pr-3 text-right tabular-nums";
const stamp = (at: Date) => at.toISOString().replace("T", " ").slice(0, 16);

/** The import history: what went where, by whom, how it went, and undo/restore. */
export function ImportHistory({ batches, progress, restoreWindowHours, confirmUndo }: Props) {
  const t = getTranslator();
  // A wide table scrolls in its own region on a phone, not the page.
  return (
    <ScrollTable labelledBy="history-heading">
      <table className="w-full border-collapse text-left text-sm">
        <thead>
          <tr className="border-b border-slate-400">
            {COLUMNS.map((c) => (
              <th key={c} scope="col" className="py-2 pr-3">
                {t(`admin.imports.columns.${c}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {batches.map((b) => (
            <tr key={b.id} id={`batch-${b.id}`} className="border-b border-slate-200 align-top" data-testid="batch">
              <td className={td}>{b.id}</td>
              <td className={td}>{b.source}</td>
              <td className={td}>{b.incident ?? t("admin.imports.deleted")}</td>
              <td className={td}>{b.category ?? t("admin.imports.fromColumnShort")}</td>
              <td className={td}>{b.createdBy ?? ""}</td>
              <td className={td}>
                <time dateTime={b.createdAt.toISOString()}>{stamp(b.createdAt)}</time>
              </td>
              <td className={td} data-testid="batch-status">
                {t(`admin.imports.status.${b.status}`)}
                <Progress batch={b} progress={progress.get(b.id)} />
              </td>
              <td className={num}>{b.rows.toLocaleString("en-US")}</td>
              <td className={num}>{b.imported.toLocaleString("en-US")}</td>
              <td className={num}>{b.duplicates.toLocaleString("en-US")}</td>
              <td className={num}>{b.rejected.toLocaleString("en-US")}</td>
              <td className={num}>{b.seconds === null ? "" : b.seconds.toFixed(1)}</td>
              <td className="space-y-1 py-2">
                <Actions batch={b} restoreWindowHours={restoreWindowHours} open={confirmUndo === b.id} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}

function Progress({ batch, progress }: { batch: BatchView; progress: BatchProgress | undefined }) {
  const t = getTranslator();
  const line = "block text-slate-700";
  if (batch.status === "queued") return <span className={line}>{t("admin.imports.queuedHint")}</span>;
  if (batch.status !== "running") return null;
  if (!progress) return <span className={line}>{t("admin.imports.starting")}</span>;
  if (progress.phase === "merging") return <span className={line}>{t("admin.imports.merging")}</span>;
  return <span className={line}>{t("admin.imports.progress", progress)}</span>;
}

const link = "block text-blue-800 underline";

function Actions({
  batch: b,
  restoreWindowHours,
  open,
}: {
  batch: BatchView;
  restoreWindowHours: number;
  open: boolean;
}) {
  const t = getTranslator();
  return (
    <>
      {b.rejected > 0 && (
        <a className={link} href={`/api/admin/imports/${b.id}/rejections`}>
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
        <a className={link} href={`/admin/imports?resume=${b.id}#upload`}>
          {t("admin.imports.resume")}
        </a>
      )}
      {(b.status === "completed" || b.status === "failed") && (
        <details open={open} className="rounded-md border border-slate-300 p-2">
          <summary className="cursor-pointer font-semibold text-red-800">{t("admin.imports.undo")}</summary>
          <form action={undoImportAction} className="mt-2 space-y-2">
            <p className="max-w-xs text-slate-900">
              {t("admin.imports.undoConfirm", { batch: b.id, rows: b.imported, hours: restoreWindowHours })}
            </p>
            <input type="hidden" name="batchId" value={b.id} />
            <input type="hidden" name="confirm" value="undo" />
            <button type="submit" className="rounded-md bg-red-800 px-3 py-1.5 font-semibold text-white">
              {t("admin.imports.undoYes", { batch: b.id })}
            </button>
          </form>
        </details>
      )}
      {b.restoreUntil && (
        <form action={restoreImportAction} className="space-y-1">
          <input type="hidden" name="batchId" value={b.id} />
          <button type="submit" className="rounded-md border border-slate-500 px-3 py-1.5 font-semibold text-slate-900">
            {t("admin.imports.restore")}
          </button>
          <span className="block text-slate-700">
            {t("admin.imports.restoreHint", { until: stamp(b.restoreUntil) })}
          </span>
        </form>
      )}
    </>
  );
}

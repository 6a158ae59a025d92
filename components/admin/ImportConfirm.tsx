"use client";

import { useActionState } from "react";
import { useTranslations } from "use-intl";
import type { ConfirmState } from "@/app/admin/imports/actions";

type Props = {
  action: (prev: ConfirmState | undefined, form: FormData) => Promise<ConfirmState>;
  uploadId: string;
  name: string;
  incidents: { slug: string; title: string; categories: { slug: string; name: string }[] }[];
  hasCategoryColumn: boolean;
  /** Resuming a failed batch: incident and category are the batch's, not chosen. */
  resume?: { batchId: number; incident: string; category: string | undefined };
};

const select =
  "mt-1 block rounded-md border border-slate-500 px-3 py-2 text-slate-900 focus:outline-none focus:ring-4 focus:ring-blue-300";

/** Choose incident and category (or resume a batch into its own), then a dry run or the import. */
export function ImportConfirm({ action, uploadId, name, incidents, hasCategoryColumn, resume }: Props) {
  const [state, formAction, pending] = useActionState(action, {});
  const t = useTranslations("admin.imports");
  return (
    <form action={formAction} className="space-y-4">
      <input type="hidden" name="uploadId" value={uploadId} />
      <input type="hidden" name="name" value={name} />
      {resume ? (
        <>
          <input type="hidden" name="resume" value={resume.batchId} />
          <input type="hidden" name="incident" value={resume.incident} />
          <input type="hidden" name="category" value={resume.category ?? ""} />
          <p className="text-slate-800">
            {t("resumeInto", {
              batch: resume.batchId,
              incident: resume.incident,
              category: resume.category ?? t("fromColumn"),
            })}
          </p>
        </>
      ) : (
        <>
          <label className="block font-medium text-slate-900">
            {t("incident")}
            <select name="incident" className={select} required>
              {incidents.map((i) => (
                <option key={i.slug} value={i.slug}>
                  {i.title}
                </option>
              ))}
            </select>
          </label>
          <label className="block font-medium text-slate-900">
            {t("category")}
            <select name="category" className={select}>
              {hasCategoryColumn && <option value="">{t("fromColumn")}</option>}
              {incidents.flatMap((i) =>
                i.categories.map((c) => (
                  <option key={`${i.slug}/${c.slug}`} value={c.slug}>
                    {c.name}
                  </option>
                )),
              )}
            </select>
          </label>
        </>
      )}
      {state.error && (
        <p role="alert" className="font-medium text-red-800">
          {state.error}
        </p>
      )}
      {state.dryRun && (
        <p role="status" className="rounded-md border border-blue-700 bg-blue-50 p-3 text-slate-900">
          {t("dryRunResult", {
            rows: state.dryRun.rows,
            imported: state.dryRun.imported,
            rejected: state.dryRun.rejected,
          })}
        </p>
      )}
      <div className="flex gap-3">
        <button
          type="submit"
          name="mode"
          value="dry-run"
          disabled={pending}
          className="rounded-md border border-slate-500 px-4 py-2 font-semibold text-slate-900"
        >
          {t("dryRun")}
        </button>
        <button
          type="submit"
          name="mode"
          value="import"
          disabled={pending}
          className="rounded-md bg-blue-800 px-4 py-2 font-semibold text-white"
        >
          {resume ? t("resumeStart") : t("start")}
        </button>
      </div>
    </form>
  );
}

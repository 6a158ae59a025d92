import { confirmImportAction } from "@/app/admin/imports/actions";
import { ImportConfirm } from "@/components/admin/ImportConfirm";
import { ScrollTable } from "@/components/admin/ScrollTable";
import { requirePermission } from "@/lib/auth/next";
import { isAppError } from "@/lib/errors";
import { resumeFromQuery } from "@/lib/imports/resume";
import { previewUpload, type UploadPreview } from "@/lib/imports/uploads";
import { getTranslator } from "@/lib/i18n/translator";
import { getServices } from "@/lib/services";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The uploaded file's columns and first rows (numbers masked), then dry run or import. */
export default async function UploadPreviewPage({ params, searchParams }: Props) {
  await requirePermission("imports:run");
  const t = getTranslator();
  const { id } = await params;
  const query = await searchParams;
  const rawName = query.name;
  const name = (typeof rawName === "string" ? rawName : "upload.csv").slice(0, 200);
  let preview: UploadPreview | null = null;
  try {
    preview = await previewUpload(id);
  } catch (e) {
    if (!isAppError(e)) throw e;
  }
  if (!preview) return <p role="alert">{t("admin.imports.gone")}</p>;
  const resuming = await resumeFromQuery(getServices().db, query.resume);
  const incidents = await getServices().db.incident.findMany({
    orderBy: { disclosedAt: "desc" },
    select: {
      slug: true,
      title: true,
      categories: { select: { slug: true, name: true }, orderBy: { sortOrder: "asc" } },
    },
  });
  return (
    <>
      <h1 id="preview-heading" className="text-3xl font-bold text-slate-900 wrap-break-word">
        {t("admin.imports.previewTitle", { name })}
      </h1>
      {preview.phoneColumn === null ? (
        <p role="alert" className="font-medium text-red-800">
          {t("admin.imports.noPhoneColumn")}
        </p>
      ) : (
        <p className="text-slate-800">
          {t("admin.imports.detected", {
            phone: preview.columns[preview.phoneColumn] ?? "",
            category: preview.categoryColumn === null ? "—" : (preview.columns[preview.categoryColumn] ?? ""),
          })}
        </p>
      )}
      <ScrollTable labelledBy="preview-heading">
        <table className="w-full border-collapse text-left text-sm">
          <thead>
            <tr className="border-b border-slate-400">
              {preview.columns.map((c, i) => (
                <th key={i} scope="col" className="py-1 pr-3">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((r, i) => (
              <tr key={i} className="border-b border-slate-200">
                {r.map((cell, j) => (
                  <td key={j} className="py-1 pr-3">
                    {cell}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
      {preview.phoneColumn !== null && (
        <ImportConfirm
          action={confirmImportAction}
          uploadId={id}
          name={name}
          incidents={incidents}
          hasCategoryColumn={preview.categoryColumn !== null}
          resume={resuming ?? undefined}
        />
      )}
    </>
  );
}

import { recordAudit } from "@/lib/audit/record";
import { AppError } from "@/lib/errors";
import { downloadRejections } from "@/lib/imports/rejections";
import { BatchId } from "@/lib/imports/schemas";
import { getServices, route } from "@/lib/services";

/** GET …/rejections → the batch's rejected rows as CSV; the values are wiped afterwards. */
export const GET = route<{ batchId: string }>(
  async ({ params, admin, ip }) => {
    const id = BatchId.safeParse(params.batchId);
    if (!id.success) throw new AppError("not_found");
    const { db, keyring } = getServices();
    if (!(await db.importBatch.findUnique({ where: { id: id.data }, select: { id: true } })))
      throw new AppError("not_found");
    const csv = await downloadRejections(db, keyring, id.data);
    await recordAudit(db, {
      actorId: admin.id,
      actorEmail: admin.email,
      action: "rejections_downloaded",
      target: `batch ${id.data}`,
      ip,
    });
    return new Response(csv, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="batch-${id.data}-rejected.csv"`,
        "cache-control": "no-store",
      },
    });
  },
  { permission: "imports:run" },
);

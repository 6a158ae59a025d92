import { AppError } from "@/lib/errors";
import { downloadRejections } from "@/lib/imports/rejections";
import { BatchId } from "@/lib/imports/schemas";
import { getServices, route } from "@/lib/services";

/** GET …/rejections → the batch's rejected rows as CSV. Only reads: wiping is a POST (wipeRejectionsAction). */
export const GET = route<{ batchId: string }>(
  async ({ params, admin, ip }) => {
    const id = BatchId.safeParse(params.batchId);
    if (!id.success) throw new AppError("not_found");
    const { db, keyring } = getServices();
    const csv = await downloadRejections(db, keyring, id.data, { actor: { id: admin.id, email: admin.email }, ip });
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

import { AuditQuery } from "@/lib/audit/list";
import { exportAudit } from "@/lib/audit/export";
import { parseInput } from "@/lib/validation/parse-input";
import { getServices, route } from "@/lib/services";

/**
 * GET /api/admin/audit/export?actor=&action=&from=&to= → every matching entry as CSV
 * (owners). It changes nothing but the log itself, which records the download.
 */
export const GET = route(
  async ({ req, admin, ip }) => {
    const { page: _page, ...filter } = parseInput(AuditQuery, Object.fromEntries(new URL(req.url).searchParams));
    const { filename, chunks } = await exportAudit(getServices().db, filter, {
      actor: { id: admin.id, email: admin.email },
      ip,
    });
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      },
      async cancel() {
        await chunks.return(undefined);
      },
    });
    return new Response(body, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${filename}"`,
        "cache-control": "no-store",
      },
    });
  },
  { permission: "audit:view" },
);

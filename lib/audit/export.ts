import { stringify } from "csv-stringify/sync";
import { auditWhere, withRoles, type AuditFilter, type AuditRow } from "@/lib/audit/list";
import { actedBy, recordAudit, type AuditCtx } from "@/lib/audit/record";
import { auditSentence } from "@/lib/audit/sentence";
import { escapeCell } from "@/lib/csv/escape-cell";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/generated/prisma/client.ts";
import { getTranslator } from "@/lib/i18n/translator";

/** Rows read per query: the export streams, so a log of millions of API lookups never sits in memory. */
export const EXPORT_BATCH = 1000;

const COLUMNS = ["at", "actor", "role", "action", "sentence", "target", "details", "ip"] as const;

export type AuditExport = { filename: string; total: number; chunks: AsyncGenerator<string> };

/**
 * Every entry the filter matches (all pages), newest first, as CSV chunks: a header,
 * then one chunk per batch. The export itself is recorded first (with the filter and
 * how many entries it holds) and is not part of what it exports: the rows are bounded by
 * the newest id at the start. Every cell is formula-escaped, since a spreadsheet is
 * where an owner opens this, and targets and emails are typed by other users.
 */
export async function exportAudit(
  db: Db,
  filter: Omit<AuditFilter, "page">,
  ctx: AuditCtx,
  batch = EXPORT_BATCH,
): Promise<AuditExport> {
  const t = getTranslator();
  const newest = await db.auditLog.findFirst({ orderBy: { id: "desc" }, select: { id: true } });
  const where: Prisma.AuditLogWhereInput = { AND: [auditWhere(filter), { id: { lte: newest?.id ?? 0n } }] };
  const total = await db.auditLog.count({ where });
  const shown = Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined && v !== ""));
  await recordAudit(db, { ...actedBy(ctx), action: "audit_exported", details: { count: total, filter: shown } });

  async function* chunks(): AsyncGenerator<string> {
    yield stringify([COLUMNS.map((c) => t(`admin.audit.csv.${c}`))]);
    let after: { at: Date; id: bigint } | null = null;
    for (;;) {
      const page: Prisma.AuditLogGetPayload<object>[] = await db.auditLog.findMany({
        where: after
          ? { AND: [where, { OR: [{ at: { lt: after.at } }, { at: after.at, id: { lt: after.id } }] }] }
          : where,
        orderBy: [{ at: "desc" }, { id: "desc" }],
        take: batch,
      });
      if (page.length === 0) return;
      const last: { at: Date; id: bigint } = page.at(-1)!;
      after = { at: last.at, id: last.id };
      yield stringify((await withRoles(db, page)).map((e) => csvRecord(t, e)));
      if (page.length < batch) return;
    }
  }

  return { filename: `audit-${new Date().toISOString().slice(0, 10)}.csv`, total, chunks: chunks() };
}

function csvRecord(t: ReturnType<typeof getTranslator>, e: AuditRow): string[] {
  const details = e.details && typeof e.details === "object" && Object.keys(e.details).length > 0;
  return [
    e.at.toISOString(),
    e.actorEmail,
    e.actorRole ?? "",
    e.action,
    auditSentence(t, e),
    e.target ?? "",
    details ? JSON.stringify(e.details) : "",
    e.ip ?? "",
  ].map(escapeCell);
}

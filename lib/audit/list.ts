import { z } from "zod";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/generated/prisma/client.ts";
import { AUDIT_ACTIONS, type AuditAction } from "@/lib/audit/record";

export const AUDIT_PAGE_SIZE = 50;

const DAY_MS = 24 * 3600 * 1000;
// "" from an empty form field means "no filter".
const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const day = z.preprocess(
  blank,
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "errors.date_invalid", abort: true })
    .refine(
      (v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v),
      "errors.date_invalid",
    )
    .optional(),
);

/** The audit page's GET query (and the API's): every parameter optional. */
export const AuditQuery = z
  .object({
    actor: z.preprocess(blank, z.string().trim().max(320).optional()),
    action: z.preprocess(blank, z.enum(AUDIT_ACTIONS).optional()),
    from: day,
    to: day,
    page: z.preprocess(blank, z.coerce.number().int().min(1).max(100_000).default(1)),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: "errors.date_range", path: ["from"] });

export type AuditFilter = z.output<typeof AuditQuery>;

export type AuditRow = {
  id: string;
  at: Date;
  actorEmail: string;
  action: string;
  target: string | null;
  details: Prisma.JsonValue;
  ip: string | null;
};

export type AuditPage = { entries: AuditRow[]; total: number; page: number; pages: number };

/** One page of entries, newest first; dates are whole UTC days, both ends included. */
export async function listAudit(db: Db, filter: AuditFilter, pageSize = AUDIT_PAGE_SIZE): Promise<AuditPage> {
  const at: Prisma.DateTimeFilter = {};
  if (filter.from) at.gte = new Date(`${filter.from}T00:00:00Z`);
  if (filter.to) at.lt = new Date(new Date(`${filter.to}T00:00:00Z`).getTime() + DAY_MS);
  const where: Prisma.AuditLogWhereInput = {
    ...(filter.actor ? { actorEmail: { contains: filter.actor, mode: "insensitive" } } : {}),
    ...(filter.action ? { action: filter.action satisfies AuditAction } : {}),
    ...(filter.from || filter.to ? { at } : {}),
  };
  const [total, rows] = await Promise.all([
    db.auditLog.count({ where }),
    db.auditLog.findMany({
      where,
      // id breaks ties between entries of the same millisecond.
      orderBy: [{ at: "desc" }, { id: "desc" }],
      skip: (filter.page - 1) * pageSize,
      take: pageSize,
    }),
  ]);
  return {
    entries: rows.map((r) => ({
      id: r.id.toString(),
      at: r.at,
      actorEmail: r.actorEmail,
      action: r.action,
      target: r.target,
      details: r.details,
      ip: r.ip,
    })),
    total,
    page: filter.page,
    pages: Math.max(1, Math.ceil(total / pageSize)),
  };
}

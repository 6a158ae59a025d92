import { z } from "zod";
import type { Db } from "@/lib/db/client";
import type { AdminRole, Prisma } from "@/generated/prisma/client.ts";
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
  /**
   * The actor's role now (not when they acted: entries do not store it), null for the CLI,
   * keys and removed users. The stored enum, not lib/auth's Role: lib/auth records audit
   * entries, so lib/audit must not import it.
   */
  actorRole: AdminRole | null;
  action: string;
  target: string | null;
  details: Prisma.JsonValue;
  ip: string | null;
};

export type AuditPage = { entries: AuditRow[]; total: number; page: number; pages: number };

/** The filter as a query; dates are whole UTC days, both ends included. */
export function auditWhere(filter: Omit<AuditFilter, "page">): Prisma.AuditLogWhereInput {
  const at: Prisma.DateTimeFilter = {};
  if (filter.from) at.gte = new Date(`${filter.from}T00:00:00Z`);
  if (filter.to) at.lt = new Date(new Date(`${filter.to}T00:00:00Z`).getTime() + DAY_MS);
  return {
    ...(filter.actor ? { actorEmail: { contains: filter.actor, mode: "insensitive" } } : {}),
    ...(filter.action ? { action: filter.action satisfies AuditAction } : {}),
    ...(filter.from || filter.to ? { at } : {}),
  };
}

type StoredRow = Prisma.AuditLogGetPayload<object>;

/** Stored rows as the console shows them, each with its actor's current role (one query for the page). */
export async function withRoles(db: Db, rows: StoredRow[]): Promise<AuditRow[]> {
  const ids = [...new Set(rows.map((r) => r.actorId).filter((id): id is string => id !== null))];
  const users =
    ids.length > 0 ? await db.adminUser.findMany({ where: { id: { in: ids } }, select: { id: true, role: true } }) : [];
  const roles = new Map(users.map((u) => [u.id, u.role]));
  return rows.map((r) => ({
    id: r.id.toString(),
    at: r.at,
    actorEmail: r.actorEmail,
    actorRole: (r.actorId && roles.get(r.actorId)) || null,
    action: r.action,
    target: r.target,
    details: r.details,
    ip: r.ip,
  }));
}

/** One page of entries, newest first. */
export async function listAudit(db: Db, filter: AuditFilter, pageSize = AUDIT_PAGE_SIZE): Promise<AuditPage> {
  const where = auditWhere(filter);
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
    entries: await withRoles(db, rows),
    total,
    page: filter.page,
    pages: Math.max(1, Math.ceil(total / pageSize)),
  };
}

import { Prisma } from "@/generated/prisma/client.ts";
import { actedBy, recordAudit, type AuditAction, type AuditCtx } from "@/lib/audit/record";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation/parse-input";
import {
  CreateCategoryInput,
  CreateIncidentInput,
  UpdateCategoryInput,
  UpdateIncidentInput,
  type UpdateCategory,
  type UpdateIncident,
} from "@/lib/incidents/schemas";

/**
 * The console's edits to incidents and their categories. Each input is validated by its
 * schema here (callers pass what they received), and every change is audited with the
 * names of the fields that changed, never the texts themselves.
 */

export type IncidentSummary = Awaited<ReturnType<typeof listIncidents>>[number];
export type IncidentWithCategories = NonNullable<Awaited<ReturnType<typeof getIncident>>>;

const categoryOrder = [
  { sortOrder: "asc" },
  { slug: "asc" },
] as const satisfies Prisma.CategoryOrderByWithRelationInput[];

/** Every incident, newest disclosure first, with its categories in display order. */
export function listIncidents(db: Db) {
  return db.incident.findMany({
    orderBy: [{ disclosedAt: "desc" }, { slug: "asc" }],
    select: {
      slug: true,
      title: true,
      disclosedAt: true,
      categories: { orderBy: [...categoryOrder], select: { slug: true, name: true } },
    },
  });
}

/** One incident with everything the editor shows, or null. */
export function getIncident(db: Db, slug: string) {
  return db.incident.findUnique({
    where: { slug },
    select: {
      slug: true,
      title: true,
      disclosedAt: true,
      summary: true,
      categories: {
        orderBy: [...categoryOrder],
        select: { slug: true, name: true, dataExposed: true, remediation: true, sortOrder: true },
      },
    },
  });
}

function audit(db: Db, ctx: AuditCtx, action: AuditAction, target: string, details: Record<string, string[]>) {
  return recordAudit(db, { ...actedBy(ctx), action, target, details });
}

function same(a: unknown, b: unknown): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The keys of `next` whose value differs from `current`, in a stable order. */
function changedFields<T extends object>(current: T, next: Partial<T>): (keyof T & string)[] {
  return (Object.keys(next) as (keyof T & string)[]).filter((k) => !same(current[k], next[k])).sort();
}

/** A unique-slug clash as a 409 that forms show next to the slug field. */
function slugTaken(e: unknown): never {
  if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") {
    throw new AppError("slug_taken", { fields: { slug: "errors.slug_taken" } });
  }
  throw e;
}

async function incidentId(db: Db, slug: string): Promise<number> {
  const row = await db.incident.findUnique({ where: { slug }, select: { id: true } });
  if (!row) throw new AppError("not_found");
  return row.id;
}

/** Title, disclosure date and summary of an incident. Returns the fields that changed. */
export async function updateIncident(
  db: Db,
  slug: string,
  input: unknown,
  ctx: AuditCtx,
): Promise<{ changed: string[] }> {
  const data: UpdateIncident = parseInput(UpdateIncidentInput, input);
  const current = await db.incident.findUnique({
    where: { slug },
    select: { title: true, disclosedAt: true, summary: true },
  });
  if (!current) throw new AppError("not_found");
  const changed = changedFields(current, data);
  if (changed.length === 0) return { changed };
  await db.incident.update({ where: { slug }, data });
  await audit(db, ctx, "incident_edited", slug, { fields: changed });
  return { changed };
}

/** A category's name, data exposed, remediation steps and sort order. Returns the fields that changed. */
export async function updateCategory(
  db: Db,
  incidentSlug: string,
  categorySlug: string,
  input: unknown,
  ctx: AuditCtx,
): Promise<{ changed: string[] }> {
  const data: UpdateCategory = parseInput(UpdateCategoryInput, input);
  const current = await db.category.findFirst({
    where: { slug: categorySlug, incident: { slug: incidentSlug } },
    select: { id: true, name: true, dataExposed: true, remediation: true, sortOrder: true },
  });
  if (!current) throw new AppError("not_found");
  const changed = changedFields(current, data);
  if (changed.length === 0) return { changed };
  await db.category.update({ where: { id: current.id }, data });
  await audit(db, ctx, "category_edited", `${incidentSlug}/${categorySlug}`, { fields: changed });
  return { changed };
}

/** A new incident (no categories yet). A taken slug is a 409 slug_taken. */
export async function createIncident(db: Db, input: unknown, ctx: AuditCtx): Promise<{ slug: string }> {
  const data = parseInput(CreateIncidentInput, input);
  await db.incident.create({ data, select: { id: true } }).catch(slugTaken);
  await audit(db, ctx, "incident_created", data.slug, { fields: ["disclosedAt", "summary", "title"] });
  return { slug: data.slug };
}

/** A new category of an incident. A slug the incident already uses is a 409 slug_taken. */
export async function createCategory(
  db: Db,
  incidentSlug: string,
  input: unknown,
  ctx: AuditCtx,
): Promise<{ slug: string }> {
  const data = parseInput(CreateCategoryInput, input);
  const id = await incidentId(db, incidentSlug);
  await db.category.create({ data: { ...data, incidentId: id }, select: { id: true } }).catch(slugTaken);
  await audit(db, ctx, "category_created", `${incidentSlug}/${data.slug}`, {
    fields: ["dataExposed", "name", "remediation", "sortOrder"],
  });
  return { slug: data.slug };
}

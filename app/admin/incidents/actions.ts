"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { z } from "zod";
import { requestMeta, requirePermission } from "@/lib/auth/next";
import type { Admin } from "@/lib/auth/deps";
import { AppError, isAppError } from "@/lib/errors";
import { errorMessage, translateKey } from "@/lib/http/respond";
import { parseInput } from "@/lib/http/parse-input";
import { getTranslator } from "@/lib/i18n/translator";
import { createCategory, createIncident, updateCategory, updateIncident } from "@/lib/incidents/manage";
import { CreateCategoryInput, CreateIncidentInput, UpdateCategoryInput, UpdateIncidentInput } from "@/lib/incidents/schemas";
import { log } from "@/lib/log";
import { getServices } from "@/lib/services";

/** What the editor forms get back: the values to show again, messages per field, a notice. */
export type EditorState = {
  values?: Record<string, string | string[]>;
  errors?: Record<string, string>;
  error?: string;
  notice?: "saved" | "unchanged";
  /** The values passed validation and are shown rendered, not saved ("Preview" button). */
  preview?: boolean;
}

const str = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === "string" ? v : "";
}

// Form fields → the schemas' input shape. Data exposed is one item per line; each step
// has its own textarea (a step may hold several markdown paragraphs).
function incidentValues(form: FormData) {
  return { slug: str(form, "slug"), title: str(form, "title"), disclosedAt: str(form, "disclosedAt"), summary: str(form, "summary") };
}

function categoryValues(form: FormData) {
  return {
    slug: str(form, "slug"),
    name: str(form, "name"),
    dataExposed: str(form, "dataExposed").split(/\r?\n/),
    remediation: form.getAll("remediation").filter((v): v is string => typeof v === "string"),
    sortOrder: str(form, "sortOrder"),
  };
}

/** Shown again after an error or a preview; the text area keeps its lines. */
function shown(values: Record<string, string | string[]>) {
  const { dataExposed, ...rest } = values;
  return Array.isArray(dataExposed) ? { ...rest, dataExposed: dataExposed.join("\n") } : rest;
}

function failed(e: unknown, values: Record<string, string | string[]>): EditorState {
  const t = getTranslator();
  if (!isAppError(e)) log.error({ err: e }, "incident editor action failed");
  const error = isAppError(e) ? e : new AppError("internal");
  const fields = error.details.fields;
  if (!fields) return { values: shown(values), error: errorMessage(error, t) };
  return {
    values: shown(values),
    error: t("admin.incidents.fixErrors"),
    errors: Object.fromEntries(Object.entries(fields).map(([k, key]) => [k, translateKey(t, key)])),
  };
}

/** "Preview" validates and renders without saving, so it also works without JavaScript. */
function preview(schema: z.ZodType, values: Record<string, string | string[]>): EditorState {
  try {
    parseInput(schema, values);
    return { values: shown(values), preview: true };
  } catch (e) {
    return failed(e, values);
  }
}

async function ctx(admin: Admin) {
  return { actor: admin, ip: (await requestMeta()).ip };
}

// The editor and the public pages read what was just saved.
function refresh() {
  revalidatePath("/admin/incidents", "layout");
  revalidatePath("/remediation/[incident]/[category]", "page");
}

export async function updateIncidentAction(_prev: EditorState | undefined, form: FormData): Promise<EditorState> {
  const admin = await requirePermission("incidents:edit");
  const { slug: _slug, ...values } = incidentValues(form);
  if (str(form, "intent") === "preview") return preview(UpdateIncidentInput, values);
  try {
    const { changed } = await updateIncident(getServices().db, str(form, "incident"), values, await ctx(admin));
    if (changed.length > 0) refresh();
    return { notice: changed.length > 0 ? "saved" : "unchanged" };
  } catch (e) {
    return failed(e, values);
  }
}

export async function createIncidentAction(_prev: EditorState | undefined, form: FormData): Promise<EditorState> {
  const admin = await requirePermission("incidents:edit");
  const values = incidentValues(form);
  if (str(form, "intent") === "preview") return preview(CreateIncidentInput, values);
  let slug: string;
  try {
    ({ slug } = await createIncident(getServices().db, values, await ctx(admin)));
  } catch (e) {
    return failed(e, values);
  }
  refresh();
  redirect(`/admin/incidents/${encodeURIComponent(slug)}`);
}

export async function updateCategoryAction(_prev: EditorState | undefined, form: FormData): Promise<EditorState> {
  const admin = await requirePermission("incidents:edit");
  const { slug: _slug, ...values } = categoryValues(form);
  if (str(form, "intent") === "preview") return preview(UpdateCategoryInput, values);
  try {
    const db = getServices().db;
    const { changed } = await updateCategory(db, str(form, "incident"), str(form, "category"), values, await ctx(admin));
    if (changed.length > 0) refresh();
    return { notice: changed.length > 0 ? "saved" : "unchanged" };
  } catch (e) {
    return failed(e, values);
  }
}

export async function createCategoryAction(_prev: EditorState | undefined, form: FormData): Promise<EditorState> {
  const admin = await requirePermission("incidents:edit");
  const values = categoryValues(form);
  const incident = str(form, "incident");
  if (str(form, "intent") === "preview") return preview(CreateCategoryInput, values);
  let slug: string;
  try {
    ({ slug } = await createCategory(getServices().db, incident, values, await ctx(admin)));
  } catch (e) {
    return failed(e, values);
  }
  refresh();
  redirect(`/admin/incidents/${encodeURIComponent(incident)}#category-${slug}`);
}

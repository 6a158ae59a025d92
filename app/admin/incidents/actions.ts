"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { z } from "zod";
import { requirePermission, requireStepUp } from "@/lib/auth/next";
import { actorContext, formFailure } from "@/app/admin/action-helpers";
import { asAppError } from "@/lib/http/respond";
import { formString } from "@/lib/validation/form-data";
import { parseInput } from "@/lib/validation/parse-input";
import { getTranslator } from "@/lib/i18n/translator";
import { createCategory, createIncident, updateCategory, updateIncident } from "@/lib/incidents/manage";
import {
  CreateCategoryInput,
  CreateIncidentInput,
  UpdateCategoryInput,
  UpdateIncidentInput,
} from "@/lib/incidents/schemas";
import { getServices } from "@/lib/services";

/** What the editor forms get back: the values to show again, messages per field, a notice. */
export type EditorState = {
  values?: Record<string, string | string[]>;
  errors?: Record<string, string>;
  error?: string;
  notice?: "saved" | "unchanged";
  /** The values passed validation and are shown rendered, not saved ("Preview" button). */
  preview?: boolean;
  stepUp?: true;
};

// Form fields → the schemas' input shape. Data exposed is one item per line; each step
// has its own textarea (a step may hold several markdown paragraphs).
function incidentValues(form: FormData) {
  return {
    slug: formString(form, "slug"),
    title: formString(form, "title"),
    disclosedAt: formString(form, "disclosedAt"),
    summary: formString(form, "summary"),
  };
}

function categoryValues(form: FormData) {
  return {
    slug: formString(form, "slug"),
    name: formString(form, "name"),
    dataExposed: formString(form, "dataExposed").split(/\r?\n/),
    remediation: form.getAll("remediation").filter((v): v is string => typeof v === "string"),
    sortOrder: formString(form, "sortOrder"),
  };
}

/** Shown again after an error or a preview; the text area keeps its lines. */
function shown(values: Record<string, string | string[]>) {
  const { dataExposed, ...rest } = values;
  return Array.isArray(dataExposed) ? { ...rest, dataExposed: dataExposed.join("\n") } : rest;
}

function failed(e: unknown, values: Record<string, string | string[]>): EditorState {
  return {
    values: shown(values),
    ...formFailure(asAppError(e, "incident editor action"), getTranslator()("admin.incidents.fixErrors")),
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

// The editor and the public pages read what was just saved.
function refresh() {
  revalidatePath("/admin/incidents", "layout");
  revalidatePath("/remediation/[incident]/[category]", "page");
}

export async function updateIncidentAction(_prev: EditorState | undefined, form: FormData): Promise<EditorState> {
  const admin = await requirePermission("incidents:edit");
  const { slug: _slug, ...values } = incidentValues(form);
  if (formString(form, "intent") === "preview") return preview(UpdateIncidentInput, values);
  try {
    await requireStepUp(admin);
    const { changed } = await updateIncident(
      getServices().db,
      formString(form, "incident"),
      values,
      await actorContext(admin),
    );
    if (changed.length > 0) refresh();
    return { notice: changed.length > 0 ? "saved" : "unchanged" };
  } catch (e) {
    return failed(e, values);
  }
}

export async function createIncidentAction(_prev: EditorState | undefined, form: FormData): Promise<EditorState> {
  const admin = await requirePermission("incidents:edit");
  const values = incidentValues(form);
  if (formString(form, "intent") === "preview") return preview(CreateIncidentInput, values);
  let slug: string;
  try {
    await requireStepUp(admin);
    ({ slug } = await createIncident(getServices().db, values, await actorContext(admin)));
  } catch (e) {
    return failed(e, values);
  }
  refresh();
  redirect(`/admin/incidents/${encodeURIComponent(slug)}`);
}

export async function updateCategoryAction(_prev: EditorState | undefined, form: FormData): Promise<EditorState> {
  const admin = await requirePermission("incidents:edit");
  const { slug: _slug, ...values } = categoryValues(form);
  if (formString(form, "intent") === "preview") return preview(UpdateCategoryInput, values);
  try {
    await requireStepUp(admin);
    const db = getServices().db;
    const { changed } = await updateCategory(
      db,
      formString(form, "incident"),
      formString(form, "category"),
      values,
      await actorContext(admin),
    );
    if (changed.length > 0) refresh();
    return { notice: changed.length > 0 ? "saved" : "unchanged" };
  } catch (e) {
    return failed(e, values);
  }
}

export async function createCategoryAction(_prev: EditorState | undefined, form: FormData): Promise<EditorState> {
  const admin = await requirePermission("incidents:edit");
  const values = categoryValues(form);
  const incident = formString(form, "incident");
  if (formString(form, "intent") === "preview") return preview(CreateCategoryInput, values);
  let slug: string;
  try {
    await requireStepUp(admin);
    ({ slug } = await createCategory(getServices().db, incident, values, await actorContext(admin)));
  } catch (e) {
    return failed(e, values);
  }
  refresh();
  redirect(`/admin/incidents/${encodeURIComponent(incident)}#category-${slug}`);
}

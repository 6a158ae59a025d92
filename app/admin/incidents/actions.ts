"use server";

import { redirect } from "next/navigation";
import type { z } from "zod";
import { requirePermission, requireStepUp } from "@/lib/auth/next";
import { actorContext } from "@/app/admin/action-helpers";
import { failed, refresh, shown } from "@/app/admin/incidents/editor-state";
import { formString } from "@/lib/validation/form-data";
import { parseInput } from "@/lib/validation/parse-input";
import { saveCategoryDraft, saveIncidentDraft } from "@/lib/incidents/drafts";
import { CONTENT_LOCALES } from "@/lib/incidents/locales";
import { createCategory, createIncident } from "@/lib/incidents/manage";
import {
  CreateCategoryInput,
  CreateIncidentInput,
  UpdateCategoryInput,
  UpdateIncidentInput,
} from "@/lib/incidents/schemas";
import { getServices } from "@/lib/services";

/**
 * What the incident editor's forms get back: the values to show again, messages per field, and a notice shown next to
 * the button that was pressed.
 */
export type EditorState = {
  values?: Record<string, string | string[]>;
  errors?: Record<string, string>;
  error?: string;
  notice?: "saved" | "unchanged" | "published" | "restored" | "deleted" | "reviewOn" | "reviewOff";
  /** With "published" and "restored": the version concerned. */
  version?: number;
  /** The values passed validation and are shown rendered, not saved ("Preview" button). */
  preview?: boolean;
  stepUp?: true;
};

// The editors' Save draft, Preview and Create. Publishing, restoring and deleting are in
// publishing/actions.ts. Form fields are named as the schemas' inputs: "en.title",
// "es.summary"...; data exposed is one item per line, each step has its own text area.

function incidentValues(form: FormData) {
  const v: Record<string, string | string[]> = {
    slug: formString(form, "slug"),
    disclosedAt: formString(form, "disclosedAt"),
  };
  for (const l of CONTENT_LOCALES) {
    for (const f of ["title", "summary"]) v[`${l}.${f}`] = formString(form, `${l}.${f}`);
  }
  return v;
}

function categoryValues(form: FormData) {
  const v: Record<string, string | string[]> = {
    slug: formString(form, "slug"),
    sortOrder: formString(form, "sortOrder"),
  };
  for (const l of CONTENT_LOCALES) {
    v[`${l}.name`] = formString(form, `${l}.name`);
    v[`${l}.dataExposed`] = formString(form, `${l}.dataExposed`).split(/\r?\n/);
    v[`${l}.remediation`] = form.getAll(`${l}.remediation`).filter((x): x is string => typeof x === "string");
  }
  return v;
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

export async function updateIncidentAction(_prev: EditorState | undefined, form: FormData): Promise<EditorState> {
  const admin = await requirePermission("incidents:edit");
  const { slug: _slug, ...values } = incidentValues(form);
  if (formString(form, "intent") === "preview") return preview(UpdateIncidentInput, values);
  try {
    const ctx = await actorContext(admin);
    const { changed } = await saveIncidentDraft(getServices().db, formString(form, "incident"), values, ctx);
    if (changed.length > 0) refresh(false);
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
  refresh(true);
  redirect(`/admin/incidents/${encodeURIComponent(slug)}`);
}

export async function updateCategoryAction(_prev: EditorState | undefined, form: FormData): Promise<EditorState> {
  const admin = await requirePermission("incidents:edit");
  const { slug: _slug, ...values } = categoryValues(form);
  if (formString(form, "intent") === "preview") return preview(UpdateCategoryInput, values);
  try {
    const ctx = await actorContext(admin);
    const incident = formString(form, "incident");
    const { changed } = await saveCategoryDraft(getServices().db, incident, formString(form, "category"), values, ctx);
    if (changed.length > 0) refresh(false);
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
  refresh(true);
  redirect(`/admin/incidents/${encodeURIComponent(incident)}#category-${slug}`);
}

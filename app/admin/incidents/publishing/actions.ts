"use server";

import { redirect } from "next/navigation";
import { requirePermission, requireStepUp } from "@/lib/auth/next";
import { actorContext } from "@/app/admin/action-helpers";
import type { EditorState } from "@/app/admin/incidents/actions";
import { failed, refresh } from "@/app/admin/incidents/editor-state";
import { formString } from "@/lib/validation/form-data";
import { deleteCategory } from "@/lib/incidents/manage";
import { publishDraft, restoreVersion, setReviewRequired } from "@/lib/incidents/publish";
import { getServices } from "@/lib/services";

// Publishing, restoring and deleting incident text, and the review switch: each action checks its permission,
// confirms a recent second factor (each changes what customers read, or weakens review),
// then makes one domain call (docs/adr/0027-reviewed-content.md).

/** The subject a form names: an incident's own text, or one of its groups. */
function subject(form: FormData): [string, string | null] {
  const category = formString(form, "category");
  return [formString(form, "incident"), category === "" ? null : category];
}

export async function publishAction(_prev: EditorState | undefined, form: FormData): Promise<EditorState> {
  const admin = await requirePermission("incidents:edit");
  try {
    await requireStepUp(admin);
    const { version } = await publishDraft(getServices().db, ...subject(form), await actorContext(admin));
    refresh(true);
    return { notice: "published", version };
  } catch (e) {
    return failed(e, {});
  }
}

export async function restoreAction(_prev: EditorState | undefined, form: FormData): Promise<EditorState> {
  const admin = await requirePermission("incidents:edit");
  try {
    await requireStepUp(admin);
    const input = { version: formString(form, "version") };
    const { version } = await restoreVersion(getServices().db, ...subject(form), input, await actorContext(admin));
    refresh(false);
    return { notice: "restored", version };
  } catch (e) {
    return failed(e, {});
  }
}

export async function deleteCategoryAction(_prev: EditorState | undefined, form: FormData): Promise<EditorState> {
  const admin = await requirePermission("incidents:edit");
  try {
    await requireStepUp(admin);
    const [incident, category] = subject(form);
    const input = { confirm: formString(form, "confirm") };
    await deleteCategory(getServices().db, incident, category ?? "", input, await actorContext(admin));
  } catch (e) {
    return failed(e, {});
  }
  refresh(true);
  // The group's section (and its button) is gone: the notice shows above the groups.
  redirect(`/admin/incidents/${encodeURIComponent(formString(form, "incident"))}?deleted=1#categories-heading`);
}

export async function setReviewAction(_prev: EditorState | undefined, form: FormData): Promise<EditorState> {
  const admin = await requirePermission("settings:manage");
  try {
    await requireStepUp(admin);
    const input = { reviewRequired: formString(form, "reviewRequired") };
    const ctx = await actorContext(admin);
    const { reviewRequired } = await setReviewRequired(getServices().db, formString(form, "incident"), input, ctx);
    refresh(false);
    return { notice: reviewRequired ? "reviewOn" : "reviewOff" };
  } catch (e) {
    return failed(e, {});
  }
}

import "server-only";
import { revalidatePath } from "next/cache";
import { formFailure } from "@/app/admin/action-helpers";
import { asAppError } from "@/lib/http/respond";
import { getTranslator } from "@/lib/i18n/translator";
import type { EditorState } from "@/app/admin/incidents/actions";

// The incident editor actions' helpers (a plain module: "use server" files export only
// actions). EditorState is declared beside the actions, where forms may import it.

/** Shown again after an error or a preview; a data-exposed text area keeps its lines. */
export function shown(values: Record<string, string | string[]>) {
  return Object.fromEntries(
    Object.entries(values).map(([k, v]) => [k, k.endsWith(".dataExposed") && Array.isArray(v) ? v.join("\n") : v]),
  );
}

/** A failure in the user's words, with what was typed. */
export function failed(e: unknown, values: Record<string, string | string[]>): EditorState {
  return {
    values: shown(values),
    ...formFailure(asAppError(e, "incident editor action"), getTranslator()("admin.incidents.fixErrors")),
  };
}

/** The editor reads what was just saved; the public pages too once something is published. */
export function refresh(live: boolean) {
  revalidatePath("/admin/incidents", "layout");
  if (live) revalidatePath("/remediation/[incident]/[category]", "page");
}

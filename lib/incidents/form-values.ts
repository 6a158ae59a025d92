import type { CategoryBody, IncidentBody } from "@/lib/incidents/content";
import { CONTENT_LOCALES } from "@/lib/incidents/locales";

/**
 * A body as the editor's form fields hold it ("en.title", "es.dataExposed" one item per
 * line...), the same names the input schemas read. Client-safe.
 */
export type FormValues = Record<string, string | string[]>;

export function incidentFormValues(slug: string, body: IncidentBody | null): FormValues {
  const v: FormValues = { slug, disclosedAt: body?.disclosedAt ?? "" };
  for (const l of CONTENT_LOCALES) {
    const t = body?.text[l];
    v[`${l}.title`] = t?.title ?? "";
    v[`${l}.summary`] = t?.summary ?? "";
  }
  return v;
}

export function categoryFormValues(slug: string, body: CategoryBody | null, sortOrder = 0): FormValues {
  const v: FormValues = { slug, sortOrder: String(body?.sortOrder ?? sortOrder) };
  for (const l of CONTENT_LOCALES) {
    const t = body?.text[l];
    v[`${l}.name`] = t?.name ?? "";
    v[`${l}.dataExposed`] = (t?.dataExposed ?? []).join("\n");
    v[`${l}.remediation`] = [...(t?.remediation ?? [])];
  }
  return v;
}

import { CONTENT_LOCALES, SOURCE_LOCALE, TRANSLATION_LOCALES, type ContentLocale } from "@/lib/incidents/locales";
import type { CategoryText, IncidentText } from "@/lib/incidents/schemas";

/**
 * The JSON body of a content version (model ContentVersion): what is shared by every
 * locale, and each locale's text (docs/adr/0028-content-per-locale.md). Bodies are
 * written only after their input schema (lib/incidents/schemas.ts) accepted them, or by
 * the migration that made the existing text version 1, so reading one only fills in a
 * locale the row lacks.
 */
export type IncidentBody = { disclosedAt: string; text: IncidentText };
export type CategoryBody = { sortOrder: number; text: CategoryText };
export type AnyText = { en: Record<string, unknown> } & Partial<Record<ContentLocale, Record<string, unknown>>>;

function withLocales<T extends { text: AnyText }>(body: T): T {
  const text = { ...body.text } as Record<string, unknown>;
  for (const l of TRANSLATION_LOCALES) text[l] ??= {};
  return { ...body, text } as T;
}

export function readIncidentBody(json: unknown): IncidentBody {
  return withLocales(json as IncidentBody);
}

export function readCategoryBody(json: unknown): CategoryBody {
  return withLocales(json as CategoryBody);
}

export const isBlank = (v: unknown): boolean =>
  v == null || (typeof v === "string" ? v.trim() === "" : Array.isArray(v) && v.every(isBlank));

/**
 * One locale's text, field by field: the translation where it has the field, English
 * where it does not (those fields are listed, so the page can say so).
 */
export function resolveText<T extends object>(
  text: { en: T } & Partial<Record<ContentLocale, Partial<T>>>,
  locale: ContentLocale,
): { values: T; fallbackFields: string[] } {
  if (locale === SOURCE_LOCALE) return { values: text.en, fallbackFields: [] };
  const source = text.en as Record<string, unknown>;
  const translation = (text[locale] ?? {}) as Record<string, unknown>;
  const values: Record<string, unknown> = { ...source };
  const fallbackFields: string[] = [];
  for (const key of Object.keys(source)) {
    if (isBlank(source[key])) continue;
    if (isBlank(translation[key])) fallbackFields.push(key);
    else values[key] = translation[key];
  }
  return { values: values as T, fallbackFields };
}

/** How many of the fields written in English a locale has too. */
export type Completeness = { locale: ContentLocale; filled: number; total: number };

export function completeness(texts: AnyText[]): Completeness[] {
  return CONTENT_LOCALES.filter((l) => l !== SOURCE_LOCALE).map((locale) => {
    let filled = 0;
    let total = 0;
    for (const text of texts) {
      for (const [key, value] of Object.entries(text.en)) {
        if (isBlank(value)) continue;
        total += 1;
        if (!isBlank(text[locale]?.[key])) filled += 1;
      }
    }
    return { locale, filled, total };
  });
}

/** The fields ("disclosedAt", "en.title", "es.summary"...) whose values differ, sorted. */
export function changedFields(current: { text: AnyText } | null, next: { text: AnyText }): string[] {
  const flat = (body: { text: AnyText } | null) => {
    const out: Record<string, string> = {};
    if (!body) return out;
    for (const [k, v] of Object.entries(body)) if (k !== "text") out[k] = JSON.stringify(v);
    for (const [l, fields] of Object.entries(body.text)) {
      for (const [k, v] of Object.entries(fields ?? {})) if (!isBlank(v)) out[`${l}.${k}`] = JSON.stringify(v);
    }
    return out;
  };
  const a = flat(current);
  const b = flat(next);
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => a[k] !== b[k]).sort();
}

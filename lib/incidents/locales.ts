/**
 * The locales incident text is written in (docs/adr/0028-content-per-locale.md). English
 * is the source: every field must have it, and a missing translation falls back to it.
 * Client-safe: the editor's columns come from here too.
 */
export const CONTENT_LOCALES = ["en", "es"] as const;
export type ContentLocale = (typeof CONTENT_LOCALES)[number];
export const SOURCE_LOCALE = "en" satisfies ContentLocale;
export const TRANSLATION_LOCALES = CONTENT_LOCALES.filter(
  (l): l is Exclude<ContentLocale, "en"> => l !== SOURCE_LOCALE,
);

/** A locale asked for (a request's, say) as one we hold text in, English otherwise. */
export function contentLocale(locale: string | undefined): ContentLocale {
  return (CONTENT_LOCALES as readonly string[]).includes(locale ?? "") ? (locale as ContentLocale) : SOURCE_LOCALE;
}

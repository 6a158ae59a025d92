/**
 * Which language a reader gets (ADR 29): the locale in the path when there is one
 * (`/es/…`), else the explicit choice (the `locale` cookie the switcher sets), else the
 * browser's Accept-Language, else English. Plain functions of header values, so the
 * proxy, the route wrapper and the tests share them.
 */
export const LOCALES = ["en", "es"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";
/** The switcher's cookie: a preference, not a session. */
export const LOCALE_COOKIE = "locale";
/** The request header the proxy sets for pages: the locale of the path, or the negotiated one. */
export const LOCALE_HEADER = "x-locale";
/** The unprefixed path of a customer page, which the proxy tells the layout (for the switcher). */
export const PAGE_PATH_HEADER = "x-page-path";
/** Where the switcher's links go: `/locale/es?next=/remediation/a/b` sets the cookie, then redirects. */
export function switchLocaleHref(locale: Locale, path: string): string {
  return `/locale/${locale}?next=${encodeURIComponent(path)}`;
}
/** A year: the choice outlives the visit. */
export const LOCALE_COOKIE_MAX_AGE = 31_536_000;

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** The locale the cookie header names, if it names one we serve. */
export function cookieLocale(cookieHeader: string | null | undefined): Locale | null {
  for (const part of (cookieHeader ?? "").split(";")) {
    const [name, value] = part.split("=", 2).map((s) => s.trim());
    if (name === LOCALE_COOKIE && isLocale(value)) return value;
  }
  return null;
}

/** The best of our locales by Accept-Language's weights (`es-US,es;q=0.9,en;q=0.8`), or null. */
export function acceptedLocale(header: string | null | undefined): Locale | null {
  let best: { locale: Locale; q: number } | null = null;
  for (const range of (header ?? "").slice(0, 512).split(",")) {
    const [tag = "", ...params] = range.trim().split(";");
    const language = tag.trim().toLowerCase().split("-")[0];
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (!Number.isFinite(q) || q <= 0) continue;
    const locale = language === "*" ? DEFAULT_LOCALE : language;
    if (isLocale(locale) && (!best || q > best.q)) best = { locale, q };
  }
  return best?.locale ?? null;
}

/** The explicit choice first, then the browser's languages, then English. */
export function negotiateLocale(headers: { cookie?: string | null; acceptLanguage?: string | null }): Locale {
  return cookieLocale(headers.cookie) ?? acceptedLocale(headers.acceptLanguage) ?? DEFAULT_LOCALE;
}

/** `/es/remediation/a/b` → { locale: "es", path: "/remediation/a/b" }; no prefix → locale null. */
export function splitLocalePath(pathname: string): { locale: Locale | null; path: string } {
  const match = /^\/([a-z]{2})(\/.*)?$/.exec(pathname);
  if (match && isLocale(match[1])) return { locale: match[1], path: match[2] || "/" };
  return { locale: null, path: pathname };
}

/** The address of a customer page in a locale: `/` → `/es`, `/outbox` → `/es/outbox`. */
export function localizedPath(locale: Locale, path: string): string {
  const unprefixed = splitLocalePath(path).path;
  return unprefixed === "/" ? `/${locale}` : `/${locale}${unprefixed}`;
}

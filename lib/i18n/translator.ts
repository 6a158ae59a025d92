import { createTranslator } from "use-intl/core";
import { en, type Messages } from "@/lib/i18n/messages/en";
import { es } from "@/lib/i18n/messages/es";
import { DEFAULT_LOCALE, isLocale, type Locale } from "@/lib/i18n/locale";

export { DEFAULT_LOCALE };

// A translation holds every customer namespace and may leave console ones out: those
// fall back to English whole (lib/i18n/catalog.ts). Its words differ from the English
// literals, its keys do not, so it is read through the English catalog's type.
const catalogs: Record<Locale, Messages> = { en, es: { ...en, ...es } as unknown as Messages };

export function messagesFor(locale: string = DEFAULT_LOCALE): Messages {
  return isLocale(locale) ? catalogs[locale] : en;
}

function translatorFor(locale: Locale) {
  return createTranslator({ locale, messages: catalogs[locale], timeZone: "UTC" });
}

// One per locale, kept: a new translator parses each message it formats afresh (ICU
// parse, Intl locale lookups), which was a measurable share of a start's CPU (the
// code's text); a kept one caches them. Translators hold no per-call state.
const translators = new Map<Locale, ReturnType<typeof translatorFor>>();

/** A translator for server code and API messages (components use use-intl's hook). */
export function getTranslator(locale: string = DEFAULT_LOCALE) {
  const known = isLocale(locale) ? locale : DEFAULT_LOCALE;
  let t = translators.get(known);
  if (!t) translators.set(known, (t = translatorFor(known)));
  return t;
}

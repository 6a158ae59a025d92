import { createTranslator } from "use-intl/core";
import { en, type Messages } from "@/lib/i18n/messages/en";

export const DEFAULT_LOCALE = "en";
const catalogs: Record<string, Messages> = { en };

export function messagesFor(locale: string = DEFAULT_LOCALE): Messages {
  return catalogs[locale] ?? en;
}

/** A translator for server code and API messages (components use use-intl's hook). */
export function getTranslator(locale: string = DEFAULT_LOCALE) {
  return createTranslator({ locale, messages: messagesFor(locale), timeZone: "UTC" });
}

import type { Messages } from "@/lib/i18n/messages/en";

/**
 * The namespaces a customer reads (pages, banner, texts, API errors): every catalog
 * has each of them whole. The rest (the console, the API docs) may fall back to
 * English. tests/lib/i18n/catalogs.test.ts holds the catalogs to it.
 */
export const CUSTOMER_NAMESPACES = [
  "app",
  "locale",
  "check",
  "code",
  "result",
  "remediation",
  "notice",
  "outbox",
  "sms",
  "phone",
  "errors",
  "demo",
] as const satisfies readonly (keyof Messages)[];
export type CustomerNamespace = (typeof CUSTOMER_NAMESPACES)[number];

/** The shape of the English catalog, with any words in place of its literal ones. */
type Shape<T> = { -readonly [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

/** Another language: the customer namespaces whole, console namespaces optional. */
export type Translation = Shape<Pick<Messages, CustomerNamespace>> & Partial<Shape<Omit<Messages, CustomerNamespace>>>;

import { getTranslator } from "@/lib/i18n/translator";
import type { CarrierSettings } from "@/lib/config/carrier-fields";

type T = ReturnType<typeof getTranslator>;

/**
 * The text that carries a one-time code. No links: a text with a link is what phishing
 * looks like, and we tell customers never to follow one. The last line binds the code
 * to our site in the format of "Origin-bound one-time codes delivered via SMS" (WICG),
 * `@HOST #CODE`, so browsers offer it only on that site (WebOTP, iOS and Android
 * autofill into autocomplete="one-time-code"). The format has a host, never a port or
 * a path, and assumes https. The carrier's name opens it (whose code this is) and its
 * support number, as digits to dial, ends the sentence.
 */
export function codeMessage(
  code: string,
  publicUrl: string,
  carrier: Pick<CarrierSettings, "name" | "supportPhone">,
  t: T = getTranslator(),
): string {
  if (!/^\d{6}$/.test(code)) throw new Error("a code is 6 digits");
  const host = new URL(publicUrl).hostname;
  const text = t("sms.code", { app: t("app.name"), code, carrier: carrier.name, phone: carrier.supportPhone });
  return `${text}\n\n@${host} #${code}`;
}

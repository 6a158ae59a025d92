import { AppError } from "@/lib/errors";
import { customerPage } from "@/lib/http/customer-pages";
import { isLocale, LOCALE_COOKIE, LOCALE_COOKIE_MAX_AGE, localizedPath } from "@/lib/i18n/locale";
import { route } from "@/lib/services";

/**
 * GET /locale/{locale}?next=/path: the language switcher's plain link (ADR 29). It
 * remembers the choice in a cookie, so unprefixed addresses keep to it, and sends the
 * reader to the same page in that language. `next` must be a customer page's path;
 * anything else lands on the check page, so the link cannot send anyone elsewhere.
 */
export const GET = route<{ locale: string }>(async ({ req, params }) => {
  if (!isLocale(params.locale)) throw new AppError("not_found");
  const next = new URL(req.url).searchParams.get("next") ?? "/";
  const page = next.startsWith("/") && customerPage(next) ? next : "/";
  const secure = new URL(req.url).protocol === "https:" ? "; Secure" : "";
  return new Response(null, {
    status: 303,
    headers: {
      location: localizedPath(params.locale, page),
      "set-cookie": `${LOCALE_COOKIE}=${params.locale}; Path=/; Max-Age=${LOCALE_COOKIE_MAX_AGE}; SameSite=Lax${secure}`,
      "cache-control": "private, no-store",
    },
  });
});

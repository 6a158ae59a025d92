import { NextResponse, type NextRequest } from "next/server";
import { customerPage } from "@/lib/http/customer-pages";
import {
  DEFAULT_LOCALE,
  LOCALE_HEADER,
  localizedPath,
  negotiateLocale,
  PAGE_PATH_HEADER,
  splitLocalePath,
  type Locale,
} from "@/lib/i18n/locale";

/**
 * A fresh nonce per request and a strict CSP built on it: only scripts Next.js renders
 * with the nonce run, nothing may frame the pages, forms post only to us. (The server's
 * page cache swaps the nonce for hashes on the shared pages: lib/http/page-cache.ts.)
 *
 * And the locale (ADR 29): `/es/…` is a customer page in Spanish, served by the page at
 * `/…` with the locale in a request header; an unprefixed customer page redirects to
 * its prefixed address by cookie, then Accept-Language. The console stays English.
 */
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const prefixed = splitLocalePath(pathname);
  const negotiated = () =>
    negotiateLocale({ cookie: request.headers.get("cookie"), acceptLanguage: request.headers.get("accept-language") });
  const reading = request.method === "GET" || request.method === "HEAD";

  if (!prefixed.locale && reading && customerPage(pathname)) {
    const to = new URL(`${localizedPath(negotiated(), pathname)}${search}`, request.url);
    const redirect = NextResponse.redirect(to, 307);
    // It depends on who asks: never from a shared cache.
    redirect.headers.set("cache-control", "private, no-store");
    redirect.headers.set("vary", "Cookie, Accept-Language");
    return redirect;
  }

  let locale: Locale = DEFAULT_LOCALE;
  if (prefixed.locale) locale = prefixed.locale;
  // A form posted to an unprefixed page (an older page, a script) still gets its reader's language.
  else if (customerPage(pathname)) locale = negotiated();

  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", csp);
  requestHeaders.set(LOCALE_HEADER, locale);
  const page = prefixed.locale ? prefixed.path : pathname;
  if (customerPage(page)) requestHeaders.set(PAGE_PATH_HEADER, page);
  else requestHeaders.delete(PAGE_PATH_HEADER);
  const init = { request: { headers: requestHeaders } };
  const response =
    prefixed.locale && customerPage(prefixed.path)
      ? NextResponse.rewrite(new URL(`${prefixed.path}${search}`, request.url), init)
      : NextResponse.next(init);
  response.headers.set("content-security-policy", csp);
  return response;
}

function contentSecurityPolicy(nonce: string): string {
  const dev = process.env.NODE_ENV === "development";
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    `style-src 'self'${dev ? " 'unsafe-inline'" : ` 'nonce-${nonce}'`}`,
    // https: for the carrier's logo, which owners may point at their own site (lib/settings).
    "img-src 'self' data: https:",
    "font-src 'self'",
    "connect-src 'self'",
    // The ALTCHA widget's worker is a same-origin script (app/altcha/pbkdf2.js); without
    // this, workers fall back to script-src, whose 'strict-dynamic' ignores 'self'.
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export const config = {
  matcher: [
    {
      source: "/((?!api|_next/static|_next/image|favicon.ico).*)",
      missing: [{ type: "header", key: "next-router-prefetch" }],
    },
  ],
};

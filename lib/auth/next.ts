import "server-only";
import { parseSetCookieHeader, toCookieOptions } from "better-auth/cookies";
import { cookies, headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import type { Admin, RequestMeta } from "@/lib/auth/types";
import { can, type Permission } from "@/lib/auth/permissions";
import { currentAdmin, passwordChangePending } from "@/lib/auth/session";
import { clientIp } from "@/lib/http/client-ip";
import { isLocale, LOCALE_HEADER, negotiateLocale, PAGE_PATH_HEADER, type Locale } from "@/lib/i18n/locale";
import { getServices } from "@/lib/services";

// Next.js glue for pages and server actions; the rules themselves are in lib/auth.

export const SIGN_IN_PATH = "/admin/sign-in";
export const ACCOUNT_PATH = "/admin/account";

/** How a page or action reads its request and sets cookies: Next's by default, a fake in tests. */
export type RequestAdapter = {
  headers(): Promise<Headers>;
  setCookies(setCookie: string[]): Promise<void>;
};

const nextAdapter: RequestAdapter = {
  headers: async () => new Headers(await headers()),
  async setCookies(setCookie) {
    const jar = await cookies();
    for (const line of setCookie) {
      for (const [name, attrs] of parseSetCookieHeader(line)) jar.set(name, attrs.value, toCookieOptions(attrs));
    }
  },
};

let adapter = nextAdapter;

/** Tests call pages and actions directly, outside a Next request. null restores Next's. */
export function setRequestAdapterForTests(fake: RequestAdapter | null): void {
  adapter = fake ?? nextAdapter;
}

export async function requestMeta(): Promise<RequestMeta> {
  const h = await adapter.headers();
  return { ip: clientIp(h, getServices().config.trustProxyHops), userAgent: h.get("user-agent") };
}

/**
 * The page's locale: the proxy's (the path's prefix, else negotiated), else negotiated
 * here (server actions posted to an unprefixed path, tests). A shared page's locale
 * comes from its path alone (ADR 30).
 */
export async function requestLocale(): Promise<Locale> {
  const h = await adapter.headers();
  const set = h.get(LOCALE_HEADER);
  if (isLocale(set)) return set;
  return negotiateLocale({ cookie: h.get("cookie"), acceptLanguage: h.get("accept-language") });
}

/** The unprefixed path of the customer page being rendered (the proxy says), or null. */
export async function customerPagePath(): Promise<string | null> {
  return (await adapter.headers()).get(PAGE_PATH_HEADER);
}

export async function cookieHeader(): Promise<string | null> {
  return (await adapter.headers()).get("cookie");
}

export function setCookies(setCookie: string[]): Promise<void> {
  return adapter.setCookies(setCookie);
}

/** The signed-in console user, or null. */
export async function getAdmin(): Promise<Admin | null> {
  // Headers first: reading them is what makes the page dynamic (never prerendered at build).
  const cookie = await cookieHeader();
  return currentAdmin(getServices().admin, cookie);
}

/**
 * Only for the doors a user with a generated password still needs: changing it
 * (/admin/account) and signing out. No session → the sign-in page.
 */
export async function requireSignedIn(): Promise<Admin> {
  const admin = await getAdmin();
  if (!admin) redirect(SIGN_IN_PATH);
  return admin;
}

/** The first-sign-in gate: a generated password not yet changed → /admin/account. */
function requirePasswordChanged(admin: Admin): void {
  if (passwordChangePending(admin)) redirect(ACCOUNT_PATH);
}

/** For every other console page and action: no session → the sign-in page. */
export async function requireAdmin(): Promise<Admin> {
  const admin = await requireSignedIn();
  requirePasswordChanged(admin);
  return admin;
}

/** requireAdmin(), and a 403 (app/forbidden.tsx) for a role without the permission. */
export async function requirePermission(permission: Permission): Promise<Admin> {
  const admin = await requireAdmin();
  if (!can(admin.role, permission)) forbidden();
  return admin;
}

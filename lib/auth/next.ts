import "server-only";
import { parseSetCookieHeader, toCookieOptions } from "better-auth/cookies";
import { cookies, headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import type { Admin, RequestMeta } from "@/lib/auth/types";
import { isAppError } from "@/lib/errors";
import { can, type Permission } from "@/lib/auth/permissions";
import { currentAdmin, enrolmentPending, passwordChangePending } from "@/lib/auth/session";
import { requireStepUp as stepUpOrThrow } from "@/lib/auth/step-up";
import { clientIp } from "@/lib/http/client-ip";
import { isLocale, LOCALE_HEADER, negotiateLocale, PAGE_PATH_HEADER, type Locale } from "@/lib/i18n/locale";
import { getServices } from "@/lib/services";

// Next.js glue for pages and server actions; the rules themselves are in lib/auth.

export const SIGN_IN_PATH = "/admin/sign-in";
export const ACCOUNT_PATH = "/admin/account";
export const ENROL_PATH = "/admin/enroll";

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
 * Any session at all: only for the doors a user without a second factor still needs
 * (enrolling one, signing out). No session → the sign-in page.
 */
export async function requireSession(): Promise<Admin> {
  const admin = await getAdmin();
  if (!admin) redirect(SIGN_IN_PATH);
  return admin;
}

/**
 * A session past the enrolment gate (docs/adr/0019): a user without a second factor,
 * under ADMIN_MFA=required, is sent to /admin/enroll. For the doors a user with a
 * generated password still needs (changing it, /admin/account).
 */
export async function requireSignedIn(): Promise<Admin> {
  const admin = await requireSession();
  if (enrolmentPending(getServices().admin, admin)) redirect(ENROL_PATH);
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

/**
 * For a high-risk action, first thing inside its try: throws step_up_required (the form's
 * StepUp prompt, components/forms/useStepUpAction.tsx, asks for a code and resubmits)
 * unless a second factor was confirmed in this session within ADMIN_STEP_UP_SECONDS.
 */
export async function requireStepUp(admin: Admin): Promise<void> {
  await stepUpOrThrow(getServices().admin, admin);
}

/** requireStepUp as a yes/no, for a plain form action with no state to answer with. */
export async function stepUpFresh(admin: Admin): Promise<boolean> {
  try {
    await requireStepUp(admin);
    return true;
  } catch (e) {
    if (isAppError(e) && e.code === "step_up_required") return false;
    throw e;
  }
}

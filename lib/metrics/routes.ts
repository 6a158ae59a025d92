import { splitLocalePath } from "@/lib/i18n/locale";

// Request metrics are labelled by the route pattern, never by the path a client sent:
// a path can hold a phone number (/api/v1/exposures/{phone}) or an id, and unbounded
// label values would grow the series without end. tests/lib/metrics/routes.test.ts
// checks that every page and route under app/ is listed here.
const PATTERNS = [
  "/",
  "/outbox",
  "/demo/account",
  "/docs/api",
  "/remediation/[incident]/[category]",
  "/notice/[incident]",
  "/admin",
  "/admin/account",
  "/admin/api-keys",
  "/admin/audit",
  "/admin/dashboard",
  "/admin/enroll",
  "/admin/enroll/backup-codes",
  "/admin/imports",
  "/admin/imports/upload/[id]",
  "/admin/incidents",
  "/admin/incidents/new",
  "/admin/incidents/[slug]",
  "/admin/incidents/[slug]/preview/[category]",
  "/admin/lookup",
  "/admin/settings",
  "/admin/sign-in",
  "/admin/sign-in/factor",
  "/admin/users",
  "/api/health",
  "/api/ready",
  "/api/admin/audit",
  "/api/admin/audit/export",
  "/api/admin/imports",
  "/api/admin/imports/[batchId]/rejections",
  "/api/dev/outbox",
  "/api/v1/challenge",
  "/api/v1/checks",
  "/api/v1/checks/[checkId]/verify",
  "/api/v1/exposures/lookup",
  "/api/v1/exposures/[phone]",
  "/api/v1/openapi.json",
  "/altcha/pbkdf2.js",
  "/carrier.css",
  "/locale/[locale]",
  "/icon.svg",
  "/favicon.ico",
];

/** The framework's assets: anything under a prefix counts as one route. */
const PREFIXES: [prefix: string, route: string][] = [
  ["/_next/static/", "/_next/static/[file]"],
  ["/_next/image", "/_next/image"],
];

const escape = (s: string) => s.replace(/[.*+?^${}()|\\]/g, "\\$&");

// Static segments first, so /admin/incidents/new is not taken for [slug].
const MATCHERS = PATTERNS.map((pattern) => ({
  pattern,
  dynamic: pattern.includes("["),
  re: new RegExp(
    `^${pattern
      .split("/")
      .map((s) => (/^\[\w+\]$/.test(s) ? "[^/]+" : escape(s)))
      .join("/")}$`,
  ),
})).sort((a, b) => Number(a.dynamic) - Number(b.dynamic));

/** The route pattern a path belongs to ("/api/v1/exposures/[phone]"), or "other". */
export function routePattern(path: string): string {
  // A customer page in a language is the same route as the page (ADR 29).
  const p = splitLocalePath(path.split(/[?#]/, 1)[0]!).path;
  for (const [prefix, route] of PREFIXES) if (p.startsWith(prefix)) return route;
  for (const m of MATCHERS) if (m.re.test(p)) return m.pattern;
  return "other";
}

/** Every pattern routePattern can answer, for tests and dashboards. */
export const ROUTE_PATTERNS: readonly string[] = [...PATTERNS, ...PREFIXES.map(([, route]) => route), "other"];

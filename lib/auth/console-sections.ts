import { can, type Permission, type Role } from "@/lib/auth/permissions";

/**
 * The console's pages, with the permission each needs: the navigation bar and the home
 * page list the ones a role may use (each page checks again on the server).
 */
export const CONSOLE_SECTIONS = [
  { key: "dashboard", href: "/admin/dashboard", permission: "dashboard:view" },
  { key: "lookup", href: "/admin/lookup", permission: "lookup:agent" },
  { key: "imports", href: "/admin/imports", permission: "imports:run" },
  { key: "incidents", href: "/admin/incidents", permission: "incidents:edit" },
  { key: "users", href: "/admin/users", permission: "users:manage" },
  { key: "apiKeys", href: "/admin/api-keys", permission: "apikeys:manage" },
  { key: "audit", href: "/admin/audit", permission: "audit:view" },
  { key: "settings", href: "/admin/settings", permission: "settings:manage" },
] as const satisfies readonly { key: string; href: string; permission: Permission }[];

export type ConsoleSection = (typeof CONSOLE_SECTIONS)[number];
export type SectionKey = ConsoleSection["key"];

export function sectionsFor(role: Role): ConsoleSection[] {
  return CONSOLE_SECTIONS.filter((s) => can(role, s.permission));
}

/** A step of the breadcrumb under "Console": a section, or a page within one. */
export type Crumb = { kind: "section"; key: SectionKey; href: string } | { kind: "page"; key: SubPageKey };
export type SubPageKey = "account" | "uploadPreview" | "newIncident" | "editIncident";

/**
 * Where a console path sits, for the breadcrumb: [] for the home page (and for paths the
 * console does not know, which then show "Console" alone).
 */
export function trailFor(pathname: string): Crumb[] {
  const path = pathname.replace(/\/+$/, "");
  if (path === "/admin/account") return [{ kind: "page", key: "account" }];
  const section = CONSOLE_SECTIONS.find((s) => path === s.href || path.startsWith(`${s.href}/`));
  if (!section) return [];
  const trail: Crumb[] = [{ kind: "section", key: section.key, href: section.href }];
  const rest = path.slice(section.href.length);
  if (!rest) return trail;
  if (section.key === "imports" && rest.startsWith("/upload/")) trail.push({ kind: "page", key: "uploadPreview" });
  else if (section.key === "incidents")
    trail.push({ kind: "page", key: rest === "/new" ? "newIncident" : "editIncident" });
  return trail;
}

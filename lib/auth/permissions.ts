/**
 * Console roles and what each may do: the one table every page, server action and API
 * route checks on the server (through requirePermission() or route({ permission })).
 */
export const ROLES = ["owner", "importer", "agent", "viewer"] as const;
export type Role = (typeof ROLES)[number];

/**
 * Each is checked by some door (tests/app/admin/access-doors.test.ts); incidents:edit
 * covers an incident's groups and their remediation text; settings:manage the carrier's
 * details (/admin/settings) and pausing texts.
 */
export const PERMISSIONS = [
  "users:manage",
  "settings:manage",
  "imports:run",
  "incidents:edit",
  "lookup:agent",
  "dashboard:view",
  "audit:view",
  "apikeys:manage",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const GRANTS: Record<Exclude<Role, "owner">, readonly Permission[]> = {
  importer: ["imports:run", "incidents:edit", "dashboard:view"],
  agent: ["lookup:agent", "dashboard:view"],
  viewer: ["dashboard:view"],
};

/** Owners may do everything, so a new permission never locks them out. */
export function can(role: Role, permission: Permission): boolean {
  return role === "owner" || GRANTS[role].includes(permission);
}

export function permissionsOf(role: Role): Permission[] {
  return PERMISSIONS.filter((p) => can(role, p));
}

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

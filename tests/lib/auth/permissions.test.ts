import { describe, expect, it } from "vitest";
import { can, PERMISSIONS, permissionsOf, ROLES, type Permission, type Role } from "@/lib/auth/permissions";

// The whole table, written out: a change to who may do what shows up here.
const EXPECTED: Record<Role, Permission[]> = {
  owner: [...PERMISSIONS],
  importer: ["imports:run", "incidents:edit", "dashboard:view"],
  agent: ["lookup:agent", "dashboard:view"],
  viewer: ["dashboard:view"],
};

describe("can(role, permission)", () => {
  for (const role of ROLES) {
    for (const permission of PERMISSIONS) {
      const allowed = EXPECTED[role].includes(permission);
      it(`${role} ${allowed ? "may" : "may not"} ${permission}`, () => {
        expect(can(role, permission)).toBe(allowed);
      });
    }
  }

  it("only owners manage users and settings or read the audit log", () => {
    for (const p of ["users:manage", "settings:manage", "audit:view"] as const) {
      expect(ROLES.filter((r) => can(r, p))).toEqual(["owner"]);
    }
  });

  it("lists a role's permissions in table order", () => {
    expect(permissionsOf("agent")).toEqual(["lookup:agent", "dashboard:view"]);
    expect(permissionsOf("owner")).toEqual([...PERMISSIONS]);
  });
});

// The manifest reader behind tests/e2e/access.test.ts, on fixtures shaped like Next 16's
// manifests: a door added without an access entry is reported, whatever its kind or
// folder (the old file-pattern scan would have missed a route under app/admin/ or an
// action in a file not named actions.ts).
import { describe, expect, it } from "vitest";
import { PERMISSIONS } from "@/lib/auth/permissions";
import { ACCESS, RESERVED_PERMISSIONS } from "@/tests/support/access-table";
import { doorsFromManifests, staleEntries, undeclaredDoors, type Manifests } from "@/tests/support/manifest-doors";

const SOURCES = new Set([
  "app/page.tsx",
  "app/admin/page.tsx",
  "app/admin/imports/page.tsx",
  "app/api/admin/imports/route.ts",
  "app/icon.svg",
  "app/admin/export/route.ts",
  "app/admin/lookup/page.tsx",
]);
const exists = (f: string) => SOURCES.has(f);

function manifests(
  extra: Partial<{ appPaths: Record<string, string>; actions: Manifests["serverReferences"]["node"] }> = {},
): Manifests {
  return {
    appPaths: {
      "/_not-found/page": "app/_not-found/page.js",
      "/page": "app/page.js",
      "/admin/page": "app/admin/page.js",
      "/admin/imports/page": "app/admin/imports/page.js",
      "/api/admin/imports/route": "app/api/admin/imports/route.js",
      "/icon.svg/route": "app/icon.svg/route.js",
      ...extra.appPaths,
    },
    serverReferences: {
      node: {
        "40c38c2f2586": {
          workers: { "app/admin/imports/page": { moduleId: 1, async: true } },
          filename: "app/admin/imports/actions.ts",
          exportedName: "undoImportAction",
        },
        ...extra.actions,
      },
    },
  };
}

describe("doors from the build's manifests", () => {
  it("maps pages, route handlers, metadata files, Next's own pages and actions to the table's keys", () => {
    expect(doorsFromManifests(manifests(), exists)).toEqual([
      { kind: "page", key: "next:/_not-found/page", path: "/_not-found" },
      { kind: "page", key: "app/page.tsx", path: "/" },
      { kind: "page", key: "app/admin/page.tsx", path: "/admin" },
      { kind: "page", key: "app/admin/imports/page.tsx", path: "/admin/imports" },
      { kind: "route", file: "app/api/admin/imports/route.ts", path: "/api/admin/imports" },
      { kind: "page", key: "app/icon.svg", path: "/icon.svg" },
      {
        kind: "action",
        key: "app/admin/imports/actions.ts#undoImportAction",
        id: "40c38c2f2586",
        page: "/admin/imports",
      },
    ]);
    expect(undeclaredDoors(doorsFromManifests(manifests(), exists), ACCESS)).toEqual([]);
  });

  it("fails a new route handler, page or server action that has no access entry", () => {
    const doors = doorsFromManifests(
      manifests({
        appPaths: {
          "/admin/export/route": "app/admin/export/route.js",
          "/admin/lookup/page": "app/admin/lookup/page.js",
        },
        actions: {
          "7f00aa": {
            workers: { "app/admin/lookup/page": { moduleId: 2, async: true } },
            filename: "app/admin/lookup/helpers.ts",
            exportedName: "quietLookup",
          },
        },
      }),
      exists,
    );
    // The lookup page is in the table; the route under app/admin/ and the action are not.
    expect(undeclaredDoors(doors, ACCESS)).toEqual([
      "app/admin/export/route.ts",
      "app/admin/lookup/helpers.ts#quietLookup",
    ]);
  });

  it("reports table rows no built door serves", () => {
    const doors = doorsFromManifests(manifests(), exists);
    expect(staleEntries(doors, { "app/page.tsx": "public", "app/admin/gone/page.tsx": "signed-in" })).toEqual([
      "app/admin/gone/page.tsx",
    ]);
  });

  it("refuses a server action the manifest does not tie to a source export", () => {
    const broken = manifests({ actions: { "7f00bb": { workers: { "app/page": {} } } } });
    expect(() => doorsFromManifests(broken, exists)).toThrow(/7f00bb/);
  });
});

describe("declared permissions", () => {
  const used = new Set<string>(Object.values(ACCESS));

  it("are each required by some door, or reserved with a reason", () => {
    expect(PERMISSIONS.filter((p) => !used.has(p) && !(p in RESERVED_PERMISSIONS))).toEqual([]);
  });

  it("leave the reserved list once a door requires them", () => {
    expect(Object.keys(RESERVED_PERMISSIONS).filter((p) => used.has(p))).toEqual([]);
  });
});

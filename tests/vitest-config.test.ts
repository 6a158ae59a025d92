import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import config from "@/vitest.config.mts";

// Every path in vitest.config.mts must exist: a moved test file left in `storeFree`
// excludes nothing, and a glob that matches nothing silently runs no test.

const root = path.resolve(__dirname, "..");

type Project = {
  resolve?: { alias?: Record<string, string> };
  test: {
    name: string;
    include?: string[];
    exclude?: string[];
    setupFiles?: string[];
    globalSetup?: string[];
    runner?: string;
  };
};

const projects = (config.test?.projects ?? []) as unknown as Project[];

/** The repository's files (relative, with "/") that a glob of `*` and `**` matches. */
function matches(glob: string): string[] {
  const parts = glob.split("/");
  const firstWild = parts.findIndex((p) => p.includes("*"));
  const base = firstWild === -1 ? glob : parts.slice(0, firstWild).join("/");
  const dir = path.join(root, base);
  if (!existsSync(dir)) return [];
  if (firstWild === -1) return [glob];
  const pattern = new RegExp(
    "^" +
      glob
        .split(/(\*\*\/|\*)/)
        .map((t) => (t === "**/" ? "(?:.*/)?" : t === "*" ? "[^/]*" : t.replace(/[.+?^${}()|[\]\\]/g, "\\$&")))
        .join("") +
      "$",
  );
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .map((f) => `${base}/${f.split(path.sep).join("/")}`)
    .filter((f) => pattern.test(f));
}

const exists = (file: string) => existsSync(path.resolve(root, file));

describe("vitest.config.mts", () => {
  it("has the projects it is read for", () => {
    expect(projects.map((p) => p.test.name)).toEqual(["unit", "unit-pg", "components", "e2e", "e2e-pg"]);
  });

  it.each(projects.map((p) => [p.test.name, p] as const))("%s: every include glob matches a test file", (_, p) => {
    const empty = (p.test.include ?? []).filter((glob) => matches(glob).length === 0);
    expect(empty).toEqual([]);
  });

  it.each(projects.map((p) => [p.test.name, p] as const))(
    "%s: every excluded file exists and is one the project includes",
    (_, p) => {
      const included = new Set((p.test.include ?? []).flatMap(matches));
      const stale = (p.test.exclude ?? []).filter((file) => !included.has(file));
      expect(stale).toEqual([]);
    },
  );

  it.each(projects.map((p) => [p.test.name, p] as const))("%s: its setup files and runner exist", (_, p) => {
    const files = [
      ...(p.test.setupFiles ?? []),
      ...(p.test.globalSetup ?? []),
      ...(p.test.runner ? [p.test.runner] : []),
    ];
    expect(files.filter((f) => !exists(f))).toEqual([]);
  });

  it("aliases point at files that exist", () => {
    const targets = projects.flatMap((p) => Object.values(p.resolve?.alias ?? {}));
    expect(targets.length).toBeGreaterThan(0);
    expect(targets.filter((t) => !existsSync(t))).toEqual([]);
  });

  it("keeps unit-pg to the files of unit less the store-free ones", () => {
    const [unit, pg] = ["unit", "unit-pg"].map((name) => projects.find((p) => p.test.name === name)!);
    expect(pg!.test.include).toEqual(unit!.test.include);
    expect(pg!.test.exclude!.length).toBeGreaterThan(0);
    expect(pg!.test.exclude).toContain("tests/vitest-config.test.ts");
  });
});

describe("matches (this file's glob reader)", () => {
  it("finds files under a glob and nothing for a path that is not there", () => {
    expect(matches("tests/lib/**/*.test.ts")).toContain("tests/lib/config.test.ts");
    expect(matches("tests/*.test.ts")).toContain("tests/vitest-config.test.ts");
    expect(matches("tests/lib/nowhere/**/*.test.ts")).toEqual([]);
    expect(matches("tests/lib/config.test.ts")).toEqual(["tests/lib/config.test.ts"]);
    expect(matches("tests/lib/no-such.test.ts")).toEqual([]);
  });
});

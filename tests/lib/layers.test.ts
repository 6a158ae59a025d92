// The dependency rule in eslint.config.mjs, on fixture files that are never written:
// an upward import, or React or Next in lib/, fails the lint (and so `npm test`). And,
// which no lint rule checks, lib/'s folders import each other without a cycle.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "../..");
const eslint = new ESLint({ cwd: root });

/** The rules a file at `file` holding these imports breaks, with their messages. */
async function broken(file: string, ...imports: string[]): Promise<string[]> {
  const code = imports.map((from, i) => `import * as m${i} from "${from}";\nexport const x${i} = m${i};\n`).join("");
  const [result] = await eslint.lintText(code, { filePath: file });
  return result!.messages
    .filter((m) => m.ruleId === "import/no-restricted-paths" || m.ruleId === "no-restricted-imports")
    .map((m) => `${m.ruleId}: ${m.message}`);
}

describe("the dependency rule", () => {
  it("refuses the domain an import of lib/http or of the wiring", async () => {
    for (const from of ["@/lib/http/route", "@/lib/http/respond", "@/lib/services", "@/lib/auth/next"]) {
      for (const file of ["lib/checks/fixture.ts", "lib/auth/fixture.ts", "lib/fixture.ts"]) {
        const errors = await broken(file, from);
        expect([file, from, errors]).toEqual([
          file,
          from,
          [expect.stringMatching(/^import\/no-restricted-paths: .*The domain does not import lib\/http/)],
        ]);
      }
    }
  }, 60_000);

  it("refuses lib/http the wiring, and lets it use the domain", async () => {
    expect(await broken("lib/http/fixture.ts", "@/lib/services")).toEqual([
      expect.stringMatching(/lib\/http is given its services/),
    ]);
    expect(await broken("lib/http/fixture.ts", "@/lib/auth/next")).toHaveLength(1);
    expect(await broken("lib/http/fixture.ts", "@/lib/checks/schemas", "@/lib/http/respond")).toEqual([]);
  });

  it("lets the wiring use lib/http and the domain", async () => {
    expect(await broken("lib/services.ts", "@/lib/http/route", "@/lib/auth/session")).toEqual([]);
    expect(await broken("lib/auth/next.ts", "@/lib/http/client-ip", "@/lib/services")).toEqual([]);
  });

  it("refuses lib/ anything of app/, components/, scripts/ and tests/", async () => {
    for (const file of ["lib/checks/fixture.ts", "lib/http/fixture.ts", "lib/services.ts"]) {
      const errors = await broken(
        file,
        "@/app/api/health/route",
        "@/components/ExposureBanner",
        "@/scripts/server-process",
        "@/tests/support/deps",
      );
      expect([file, errors]).toEqual([file, Array(4).fill(expect.stringMatching(/lib\/ is below app\//))]);
    }
  });

  it("keeps React and Next out of lib/, but for lib/auth/next.ts", async () => {
    for (const from of ["react", "react-dom/server", "next/headers", "next", "@next/env", "use-intl"]) {
      expect([from, await broken("lib/checks/fixture.ts", from)]).toEqual([
        from,
        [expect.stringMatching(/^no-restricted-imports: .*(without React or Next|React's)/)],
      ]);
    }
    expect(await broken("lib/http/fixture.ts", "next/server")).toHaveLength(1);
    expect(await broken("lib/auth/next.ts", "next/headers", "next/navigation")).toEqual([]);
    expect(await broken("lib/i18n/fixture.ts", "use-intl/core", "react-markdown", "zod")).toEqual([]);
  });

  it("still refuses relative imports in lib/", async () => {
    expect(await broken("lib/checks/fixture.ts", "./codes")).toEqual([
      expect.stringMatching(/^no-restricted-imports: .*Import with "@\/…"/),
    ]);
  });

  it("lets components import from app/ only the server actions they post to", async () => {
    expect(await broken("components/admin/Fixture.tsx", "@/app/admin/users/actions")).toEqual([]);
    expect(await broken("components/admin/Fixture.tsx", "@/app/api/health/route")).toEqual([
      expect.stringMatching(/from app\/ only a server action/),
    ]);
  });

  it("keeps app/, components/ and scripts/ apart and off tests/", async () => {
    expect(await broken("scripts/fixture.ts", "@/app/api/health/route", "@/components/ExposureBanner")).toHaveLength(2);
    expect(await broken("app/fixture.ts", "@/scripts/server-process")).toHaveLength(1);
    expect(await broken("app/fixture.ts", "@/tests/support/deps")).toHaveLength(1);
    expect(await broken("app/fixture.ts", "@/lib/http/route", "@/lib/services", "@/components/ExposureBanner")).toEqual(
      [],
    );
  });
});

/** lib/'s unit of an import path: its folder, or the file itself for lib/*.ts and the glue. */
function unitOf(file: string): string {
  if (file === "lib/services.ts" || file === "lib/auth/next.ts") return file;
  const parts = file.split("/");
  return parts.length > 2 ? `${parts[0]}/${parts[1]}` : file;
}

/** Every import between two of lib/'s units, types included, read from the sources. */
function libGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  const files = readdirSync(path.join(root, "lib"), { recursive: true, encoding: "utf8" })
    .filter((f) => /\.tsx?$/.test(f))
    .map((f) => `lib/${f.split(path.sep).join("/")}`);
  const known = new Set(files.map((f) => f.replace(/\.tsx?$/, "")));
  for (const file of files) {
    const from = unitOf(file);
    for (const [, target] of readFileSync(path.join(root, file), "utf8").matchAll(
      /(?:from|import)\s*\(?\s*"@\/(lib\/[^"]+)"/g,
    )) {
      const to = unitOf(known.has(target!) ? `${target}.ts` : `${target}/x`);
      if (to !== from) graph.set(from, (graph.get(from) ?? new Set()).add(to));
    }
  }
  return graph;
}

/** The cycles of a graph, one path each (a depth-first search's back edges). */
function cycles(graph: Map<string, Set<string>>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, "open" | "done">();
  const visit = (node: string, trail: string[]) => {
    state.set(node, "open");
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === "open") found.push([...trail.slice(trail.indexOf(next)), next]);
      else if (!state.has(next)) visit(next, [...trail, next]);
    }
    state.set(node, "done");
  };
  for (const node of graph.keys()) if (!state.has(node)) visit(node, [node]);
  return found;
}

describe("lib/'s folders", () => {
  it("import each other without a cycle", () => {
    const graph = libGraph();
    expect(graph.get("lib/checks")).toContain("lib/phone");
    expect(cycles(graph)).toEqual([]);
  });

  it("would show a cycle (the search itself)", () => {
    const graph = new Map([
      ["lib/a", new Set(["lib/b"])],
      ["lib/b", new Set(["lib/c"])],
      ["lib/c", new Set(["lib/a"])],
    ]);
    expect(cycles(graph)).toEqual([["lib/a", "lib/b", "lib/c", "lib/a"]]);
  });
});

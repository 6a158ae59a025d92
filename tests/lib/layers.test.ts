// The dependency rule in eslint.config.mjs, on fixture files that are never written:
// an upward import, or React or Next in lib/, fails the lint (and so `npm test`).
import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const eslint = new ESLint({ cwd: path.resolve(__dirname, "../..") });

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

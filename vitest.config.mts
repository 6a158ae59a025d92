import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const __dirname = path.dirname(fileURLToPath(import.meta.url));

const alias = {
  "@": path.resolve(__dirname),
  // "server-only" throws outside React Server Components; tests import server modules directly.
  "server-only": path.resolve(__dirname, "tests/support/server-only.ts"),
};

const unitInclude = [
  "tests/*.test.ts", // the root's own files (this config)
  "tests/lib/**/*.test.ts",
  "tests/app/**/*.test.ts",
  "tests/scripts/**/*.test.ts",
];

// Files that never open the project's database (pure logic, or a database of their own):
// they run once, in `unit`. Everything else runs on both stores.
const storeFree = [
  "tests/app/admin/access-doors.test.ts",
  "tests/lib/audit/sentence.test.ts",
  "tests/lib/auth/password-strength.test.ts",
  "tests/lib/auth/password.test.ts",
  "tests/lib/auth/permissions.test.ts",
  "tests/lib/config.test.ts",
  "tests/lib/dashboard/chart.test.ts",
  "tests/lib/exposures/harm.test.ts",
  "tests/lib/db/pglite-server.test.ts", // the embedded database's own server
  "tests/lib/hashing/keyring.test.ts",
  "tests/lib/http/page-cache.test.ts",
  "tests/lib/i18n/catalogs.test.ts",
  "tests/lib/i18n/locale.test.ts",
  "tests/lib/http/client-ip.test.ts",
  "tests/lib/http/forwarded.test.ts",
  "tests/lib/http/lookup-only.test.ts",
  "tests/lib/http/respond.test.ts",
  "tests/lib/http/route.test.ts",
  "tests/lib/imports/chunker.test.ts",
  "tests/lib/incidents/content-migration.test.ts", // an in-memory PGlite of its own
  "tests/lib/imports/merge.test.ts", // a PostgreSQL scratch database of its own
  "tests/lib/layers.test.ts",
  "tests/lib/ops/priority.test.ts",
  "tests/lib/phone/fast-normalize.test.ts",
  "tests/lib/phone/mask-text.test.ts",
  "tests/lib/phone/normalize.test.ts",
  "tests/lib/phone/phone-input.test.ts",
  "tests/lib/validation/form-data.test.ts",
  "tests/lib/validation/issue-messages.test.ts",
  "tests/scripts/start.test.ts",
  "tests/vitest-config.test.ts",
];

/** A unit project on one store: the embedded database, or a real PostgreSQL. */
function unitProject(store: "embedded" | "postgres") {
  return {
    resolve: { alias },
    test: {
      name: store === "embedded" ? "unit" : "unit-pg",
      environment: "node",
      include: unitInclude,
      exclude: store === "embedded" ? [] : storeFree,
      env: { TEST_STORE: store },
      globalSetup: ["tests/support/global-db.ts"],
      setupFiles: ["tests/support/store-env.ts"],
      // Reports every test skipped, with the reason, when the store is unavailable.
      runner: store === "postgres" ? "./tests/support/store-runner.ts" : undefined,
      pool: "forks" as const,
      // One shared database and one outbox: files run one after another.
      fileParallelism: false,
      testTimeout: 20_000,
      hookTimeout: 60_000,
    },
  };
}

/** The real app in a browser, started on one store (the same build serves both). */
function e2eProject(store: "embedded" | "postgres") {
  return {
    resolve: { alias },
    test: {
      name: store === "embedded" ? "e2e" : "e2e-pg",
      environment: "node",
      include: ["tests/e2e/**/*.test.ts"],
      env: { TEST_STORE: store },
      globalSetup: ["tests/support/global-e2e.ts"],
      runner: store === "postgres" ? "./tests/support/store-runner.ts" : undefined,
      testTimeout: 120_000,
      hookTimeout: 600_000,
      // One app build in .next: apps start one after another.
      fileParallelism: false,
    },
  };
}

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      unitProject("embedded"),
      unitProject("postgres"),
      {
        resolve: { alias },
        test: {
          name: "components",
          environment: "jsdom",
          include: ["tests/components/**/*.test.tsx"],
          setupFiles: ["tests/support/dom-setup.ts"],
        },
      },
      e2eProject("embedded"),
      e2eProject("postgres"),
    ],
  },
});

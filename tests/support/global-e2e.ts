// Global setup of the e2e projects. e2e-pg (TEST_STORE=postgres) needs a real PostgreSQL,
// where each app it starts gets a scratch database (tests/support/e2e.ts): without one its
// tests are reported skipped, except under CI=true, where this fails.
import type { TestProject } from "vitest/node";
import { postgresOrSkip, projectStore } from "@/tests/support/global-db";
import { dropAbandonedScratchDatabases } from "@/tests/support/postgres";

export default async function setup(project: TestProject) {
  project.provide("databaseUrl", null);
  project.provide("storeUnavailable", null);
  if (projectStore(project) !== "postgres") return;
  const skip = await postgresOrSkip(project);
  if (skip) {
    project.provide("storeUnavailable", skip);
    return () => console.warn(`\n${project.name}: every test was skipped. ${skip}\n`);
  }
  await dropAbandonedScratchDatabases();
}

import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { getConfig } from "@/lib/config";
import { getDb } from "@/lib/db/client";
import { runImport, type ImportContext, type ImportOptions } from "@/lib/imports/run-import";
import { testKeyring } from "@/tests/support/deps";

const dir = mkdtempSync(path.join(os.tmpdir(), "exposure-import-test-"));
let n = 0;

/** Writes a CSV (given as text, lines joined as they are) to a temp file. */
export function csvFile(text: string | Buffer): string {
  const file = path.join(dir, `list-${process.pid}-${n++}.csv`);
  writeFileSync(file, text);
  return file;
}

/**
 * Imports through the same pipeline as the CLI, into the unit project's database, writing
 * as the CLI does on that store: COPY on PostgreSQL, INSERTs on the embedded database.
 */
export function importFile(file: string, opts: Partial<ImportOptions> = {}, ctx: Partial<ImportContext> = {}) {
  return runImport(
    {
      db: getDb(),
      databaseUrl: process.env.DATABASE_URL!,
      keyring: testKeyring(),
      region: "US",
      useCopy: !getConfig().embeddedDb,
      workers: 1,
      ...ctx,
    },
    { file, incident: "2021-08-cyberattack", category: "former", ...opts },
  );
}

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

const BOM = "\ufeff";

/** The CSV the import tests use, real exports' quirks and malformed files included. */
export const CSV_CORPUS = [
  `${BOM}PHONE\r\n(206) 555-0201\r\n206.555.0202\r\n`,
  'name,phone,notes\n"Doe, Jane","206-555-0203","line one\nline two"\nSmith,"+1 206 555 0204",ok\nLee,555-0142,"short"\n',
  "Account,First Name,Phone Number,Zip\nA1,Ann,1-206-555-0205,98101\n",
  'phone\n(206) 555-0210\n206.555.0211\n206-555-0212\n+1 206 555 0213\n1-206-555-0214\n  206   555 0215 \n2065550216\n"+1 (206) 555-0217"\n',
  "phone,name\n2.06555E+09,a\n,b\n(000) 555-0142,c\n206-555-0218 ext 3,d\n555-0142,e\n206-555-0219,f\n",
  "phone,category\n206-555-0220,prepaid\n206-555-0221,Current postpaid customers\n206-555-0222,gold\n",
  "name,email\nA,a@example.com\n",
  "phone\n206-555-0230\n(206) 555-0230\n206-555-0231\n",
  'phone\n=HYPERLINK("x")\n+1-206-555-01\n@SUM(A1)\n206-555-0260\n',
  "phone\n(206) 555-0270\n(206) 555-0271\n(206) 555-0272\n555-0142\n",
  // Malformed and ragged: csv-parse's line-by-line fallback decides.
  'phone,name\n"206-555-0280,unclosed\n206-555-0281,b\n',
  'phone,name\n206-555-0282,a"b\n"206-555-0283"x,c\n206-555-0284\n\n206-555-0285,d,extra\n',
  "phone\r\n206-555-0286\n206-555-0287\r\n",
  "",
];

// `npm run admin -- import-offer-codes FILE --incident SLUG --category SLUG`: loads a CSV of
// activation codes into a group's pool (docs/adr/0032-offer-codes.md). Prints
// {"loaded","duplicates","rejected"} as JSON on its last line; never a code. Audited as the cli.
import { readFile, stat } from "node:fs/promises";
import { parseArgs } from "node:util";
import { prepareDatabase } from "@/scripts/prepare-db";

const USAGE = "Usage: npm run admin -- import-offer-codes FILE --incident SLUG --category SLUG";

export async function importOfferCodesCommand(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { incident: { type: "string" }, category: { type: "string" } },
  });
  const file = positionals[0];
  const missing = [
    !file && "FILE is required",
    !values.incident && "--incident SLUG is required",
    !values.category && "--category SLUG is required",
  ].filter(Boolean);
  if (missing.length > 0 || positionals.length > 1) throw new Error(`${USAGE}\n  ${missing.join("\n  ")}`);
  const { MAX_CODES_BYTES, importOfferCodes } = await import("@/lib/offers/import-codes");
  // Checked before the database starts: a missing or oversized file costs nothing.
  const size = (await stat(file!)).size;
  if (size > MAX_CODES_BYTES) throw new Error(`${file} is larger than ${MAX_CODES_BYTES / 1024 / 1024} MB.`);
  const csv = await readFile(file!);

  const { stop } = await prepareDatabase({ nodeEnv: "production", serve: false, quiet: true });
  const { getDb, closeDb } = await import("@/lib/db/client");
  const { getConfig } = await import("@/lib/config");
  const { Keyring } = await import("@/lib/hashing/keyring");
  const { CLI_ACTOR } = await import("@/lib/audit/record");
  const { isAppError } = await import("@/lib/errors");
  const { errorMessage } = await import("@/lib/http/respond");
  const config = getConfig();
  try {
    const result = await importOfferCodes(
      { db: getDb(), keyring: new Keyring(config.keys.current, config.keys.previous) },
      values.incident!,
      values.category!,
      csv,
      { actor: CLI_ACTOR },
    );
    console.log(JSON.stringify(result));
  } catch (e) {
    throw isAppError(e) ? new Error(errorMessage(e)) : e;
  } finally {
    await closeDb();
    await stop();
  }
}

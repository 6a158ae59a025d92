// `npm run admin -- create-api-key --name NAME`: creates a key for the integration API
// (GET /api/v1/exposures/{phone}) and prints it once, alone on the last line, so
// scripts can take it with `tail -n 1`. Only its hash is stored; it is audited as the cli.
import { parseArgs } from "node:util";
import { CreateApiKeyInput } from "@/lib/api-keys/schemas";
import { translateKey } from "@/lib/http/respond";
import { getTranslator } from "@/lib/i18n/translator";
import { prepareDatabase } from "@/scripts/prepare-db";

const USAGE = "Usage: npm run admin -- create-api-key --name NAME";

export async function createApiKeyCommand(argv: string[]): Promise<void> {
  const { values } = parseArgs({ args: argv, options: { name: { type: "string" } } });
  if (values.name === undefined) throw new Error(`${USAGE}\n  --name NAME is required`);
  // The console's schema, checked before the database starts.
  const checked = CreateApiKeyInput.safeParse({ name: values.name });
  if (!checked.success) throw new Error(translateKey(getTranslator(), checked.error.issues[0]!.message));

  const { stop } = await prepareDatabase({ nodeEnv: "production", serve: false, quiet: true });
  const { getDb, closeDb } = await import("@/lib/db/client");
  const { createApiKey } = await import("@/lib/api-keys/manage");
  const { CLI_ACTOR } = await import("@/lib/audit/record");
  const { isAppError } = await import("@/lib/errors");
  const { errorMessage } = await import("@/lib/http/respond");
  try {
    const key = await createApiKey(getDb(), checked.data, { actor: CLI_ACTOR });
    console.log(
      `Created API key ${key.name} (${key.prefix}…). It is shown once, on the next line; only its hash is kept.`,
    );
    console.log(key.key);
  } catch (e) {
    throw isAppError(e) ? new Error(errorMessage(e)) : e;
  } finally {
    await closeDb();
    await stop();
  }
}

// `npm run admin -- rotate-key [--json]`: re-keys every stored hash to LOOKUP_KEY_VERSION
// (see lib/hashing/rotate.ts), a slice at a time, while the app keeps answering lookups.
// Set the new LOOKUP_SECRET and LOOKUP_KEY_VERSION, and move the old secret into
// LOOKUP_PREVIOUS_SECRETS ("1:old-secret") on every node first; then run this once.
import { Client } from "pg";
import { prepareDatabase } from "@/scripts/prepare-db";

export async function rotateKeyCommand(argv: string[]): Promise<void> {
  const json = argv.includes("--json");
  const { config, stop } = await prepareDatabase({ nodeEnv: "production", serve: false, quiet: true });
  const { Keyring } = await import("@/lib/hashing/keyring");
  const { rotateKeys } = await import("@/lib/hashing/rotate");
  const { recordAudit, CLI_ACTOR } = await import("@/lib/audit/record");
  const { getDb, closeDb } = await import("@/lib/db/client");
  const client = new Client({ connectionString: config.databaseUrl });
  await client.connect();
  try {
    let lastReport = 0;
    const summary = await rotateKeys(client, new Keyring(config.keys.current, config.keys.previous), {
      onProgress: (p) => {
        if (json || Date.now() - lastReport < 1000) return;
        lastReport = Date.now();
        process.stderr.write(
          `Re-keyed ${p.rotated.toLocaleString("en-US")} rows, ${p.remaining.toLocaleString("en-US")} to go\n`,
        );
      },
    });
    await recordAudit(getDb(), {
      actorEmail: CLI_ACTOR.email,
      action: "key_rotated",
      target: `key version ${summary.version}`,
      details: { rows: summary.rotated },
    });
    const line = {
      version: summary.version,
      rotated: summary.rotated,
      seconds: Math.round(summary.seconds * 100) / 100,
    };
    console.log(
      json
        ? JSON.stringify(line)
        : `All rows are under key version ${line.version}: ${line.rotated} re-keyed in ${line.seconds} s.`,
    );
  } finally {
    await client.end().catch(() => {});
    await closeDb();
    await stop();
  }
}

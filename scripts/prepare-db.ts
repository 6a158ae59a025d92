// Shared by `npm start` and the command-line tools: find or start the database, check
// the configuration, apply migrations and seed an empty database with the demo data.
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { parseConfig, type Config } from "@/lib/config";
import {
  embeddedDbPassword,
  embeddedSecret,
  embeddedUrlFile,
  runningEmbeddedUrl,
  startEmbeddedDb,
  writeEmbeddedUrl,
  type EmbeddedDb,
} from "@/lib/db/embedded";
import { log } from "@/lib/log";

export const root = path.resolve(__dirname, "..");

export type Prepared = { env: NodeJS.ProcessEnv; config: Config; embedded?: EmbeddedDb; stop: () => Promise<void> };

/**
 * With no DATABASE_URL: use the embedded database another process (a running app)
 * serves, or start it here. `serve` makes this process the one others attach to.
 */
export async function prepareDatabase(opts: {
  nodeEnv: string;
  serve: boolean;
  quiet?: boolean;
  /** false: the caller knows the database is migrated (an importer the running app starts). */
  migrate?: boolean;
}): Promise<Prepared> {
  const env = { NEXT_TELEMETRY_DISABLED: "1", ...process.env, NODE_ENV: opts.nodeEnv } as NodeJS.ProcessEnv;
  let embedded: EmbeddedDb | undefined;
  const dataDir = path.resolve(root, env.DATA_DIR ?? ".data");
  if (!env.DATABASE_URL) {
    env.LOOKUP_SECRET ||= embeddedSecret(dataDir);
    env.EMBEDDED_DB = "1";
    const shared = opts.serve ? null : runningEmbeddedUrl(dataDir);
    if (shared) {
      env.DATABASE_URL = shared;
    } else {
      embedded = await startEmbeddedDb(path.join(dataDir, "pgdata"), { password: embeddedDbPassword(dataDir) });
      env.DATABASE_URL = embedded.url;
      if (opts.serve) writeEmbeddedUrl(dataDir, embedded.url);
      if (!opts.quiet) log.info({ dataDir: path.relative(root, dataDir) || "." }, "embedded database ready");
    }
  }
  const stop = async () => {
    if (!embedded) return;
    if (opts.serve) rmSync(embeddedUrlFile(dataDir), { force: true });
    await embedded.stop();
  };

  let config: Config;
  try {
    config = parseConfig(env);
  } catch (e) {
    // A ConfigError's message is one line per bad variable, printed as it is by the caller.
    await stop();
    throw e;
  }
  Object.assign(process.env, env);

  // Asynchronous on purpose: the embedded database may be served by this very process.
  if (
    opts.migrate !== false &&
    (await run([path.join(root, "scripts/prisma.mjs"), "migrate", "deploy"], env, "quiet")) !== 0
  ) {
    await stop();
    throw new Error("Database migrations failed (see above).");
  }
  // Imported late: they read the configuration set above.
  const { getDb } = await import("@/lib/db/client");
  const { Keyring } = await import("@/lib/hashing/keyring");
  const { seedDemoIfEmpty } = await import("@/lib/incidents/seed-demo");
  if ((await seedDemoIfEmpty(getDb(), new Keyring(config.keys.current, config.keys.previous))) && !opts.quiet) {
    log.info("seeded the demo incident and numbers (see README)");
  }
  // Rejected import values live a day at most (also swept when the imports page is shown).
  const { purgeRejectedValues } = await import("@/lib/imports/rejections");
  await purgeRejectedValues(getDb());
  return { env, config, embedded, stop };
}

/** Runs a node script; "quiet" shows its output only if it fails. */
export function run(args: string[], env: NodeJS.ProcessEnv, output: "quiet" | "inherit"): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: root, env, stdio: output === "inherit" ? "inherit" : "pipe" });
    let captured = "";
    child.stdout?.on("data", (d: Buffer) => (captured += d.toString()));
    child.stderr?.on("data", (d: Buffer) => (captured += d.toString()));
    child.on("exit", (code) => {
      if (code !== 0 && captured) process.stderr.write(captured);
      resolve(code ?? 1);
    });
  });
}

// `npm start`: serve the app with everything it needs, from a fresh clone.
//  - no DATABASE_URL: start the embedded database (data and secret in DATA_DIR, default .data/)
//  - validate the configuration (one line per problem), apply migrations, seed an empty
//    database with the demo data, build when sources are newer than the build, then run Next.
// `npm run dev` does the same with `next dev` and no build.
import { spawn } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { ConfigError, parseConfig } from "@/lib/config";
import { embeddedSecret, startEmbeddedDb, type EmbeddedDb } from "@/lib/db/embedded";

const root = path.resolve(__dirname, "..");
const dev = process.argv.includes("--dev");

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

async function main() {
  const env = { NEXT_TELEMETRY_DISABLED: "1", ...process.env, NODE_ENV: dev ? "development" : "production" } as NodeJS.ProcessEnv;
  let embedded: EmbeddedDb | undefined;
  if (!env.DATABASE_URL) {
    const dataDir = path.resolve(root, env.DATA_DIR ?? ".data");
    env.LOOKUP_SECRET ||= embeddedSecret(dataDir);
    embedded = await startEmbeddedDb(path.join(dataDir, "pgdata"));
    env.DATABASE_URL = embedded.url;
    env.EMBEDDED_DB = "1";
    console.log(`Embedded database ready (data in ${path.relative(root, dataDir) || "."}/)`);
  }

  let config;
  try {
    config = parseConfig(env);
  } catch (e) {
    await embedded?.stop();
    if (e instanceof ConfigError) fail(`Exposure Check cannot start. ${e.message}`);
    throw e;
  }
  Object.assign(process.env, env);

  // Asynchronous on purpose: the embedded database is served by this very process.
  const migrated = await run([path.join(root, "scripts/prisma.mjs"), "migrate", "deploy"], env, "ignore");
  if (migrated !== 0) {
    await embedded?.stop();
    fail("Database migrations failed (see above).");
  }
  console.log("Database migrations applied");

  // Imported late: they read the configuration set above.
  const { getDb, closeDb } = await import("@/lib/db/client");
  const { Keyring } = await import("@/lib/hashing/keyring");
  const { seedDemoIfEmpty } = await import("@/lib/incidents/seed-demo");
  if (await seedDemoIfEmpty(getDb(), new Keyring(config.keys.current, config.keys.previous))) {
    console.log("Seeded the demo incident and numbers (see README)");
  }
  await closeDb();

  const next = path.join(root, "node_modules/next/dist/bin/next");
  if (!dev && needsBuild()) {
    console.log("Building the app (first start or changed sources)…");
    if ((await run([next, "build"], env, "inherit")) !== 0) {
      await embedded?.stop();
      fail("Build failed (see above).");
    }
  }

  const server = [path.join(root, "scripts/server.ts"), ...(dev ? ["--dev"] : [])];
  const child = spawn(process.execPath, ["--import", "tsx", ...server], { cwd: root, env, stdio: "inherit" });
  const stop = (signal: NodeJS.Signals) => child.kill(signal);
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  child.on("exit", async (code) => {
    await embedded?.stop();
    process.exit(code ?? 0);
  });
}

function run(args: string[], env: NodeJS.ProcessEnv, stdout: "ignore" | "inherit"): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: root, env, stdio: ["ignore", stdout, "inherit"] });
    child.on("exit", (code) => resolve(code ?? 1));
  });
}

/** True when there is no build, or a source file is newer than it. */
function needsBuild(): boolean {
  const marker = path.join(root, ".next/BUILD_ID");
  if (!existsSync(marker)) return true;
  const built = statSync(marker).mtimeMs;
  const sources = ["app", "components", "lib", "generated", "next.config.js", "proxy.ts", "instrumentation.ts", "package-lock.json"];
  return sources.some((s) => newestMtime(path.join(root, s)) > built);
}

function newestMtime(p: string): number {
  if (!existsSync(p)) return 0;
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return readdirSync(p).reduce((m, f) => Math.max(m, newestMtime(path.join(p, f))), st.mtimeMs);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

// `npm start`: serve the app with everything it needs, from a fresh clone.
//  - no DATABASE_URL: start the embedded database (data and secret in DATA_DIR, default .data/)
//  - validate the configuration (one line per problem), apply migrations, seed an empty
//    database with the demo data, build when sources are newer than the build, then serve.
// `npm run dev` does the same with `next dev` and no build.
import { spawn } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { log } from "@/lib/log";
import { prepareDatabase, root, run } from "@/scripts/prepare-db";

const dev = process.argv.includes("--dev");

async function main() {
  const { env, stop } = await prepareDatabase({ nodeEnv: dev ? "development" : "production", serve: true });
  const { closeDb } = await import("@/lib/db/client");
  await closeDb();
  log.info("database ready");

  const next = path.join(root, "node_modules/next/dist/bin/next");
  if (!dev && needsBuild()) {
    log.info("building the app (first start or changed sources)");
    if ((await run([next, "build"], env, "inherit")) !== 0) {
      await stop();
      throw new Error("Build failed (see above).");
    }
  }

  const server = [path.join(root, "scripts/server.ts"), ...(dev ? ["--dev"] : [])];
  const child = spawn(process.execPath, ["--import", "tsx", ...server], { cwd: root, env, stdio: "inherit" });
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  process.on("SIGINT", forward);
  process.on("SIGTERM", forward);
  child.on("exit", async (code) => {
    await stop();
    process.exit(code ?? 0);
  });
}

/** True when there is no build, or a source file is newer than it. */
function needsBuild(): boolean {
  const marker = path.join(root, ".next/BUILD_ID");
  if (!existsSync(marker)) return true;
  const built = statSync(marker).mtimeMs;
  const sources = [
    "app",
    "components",
    "lib",
    "generated",
    "next.config.js",
    "proxy.ts",
    "instrumentation.ts",
    "package-lock.json",
  ];
  return sources.some((s) => newestMtime(path.join(root, s)) > built);
}

function newestMtime(p: string): number {
  if (!existsSync(p)) return 0;
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return readdirSync(p).reduce((m, f) => Math.max(m, newestMtime(path.join(p, f))), st.mtimeMs);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});

// Runs the Prisma CLI without its Rust engines (docs/adr/0013-embedded-postgres-own-server.md):
// with a preload that stops its wasm engine's timer from holding the process ~10 s,
// and a placeholder DATABASE_URL where none is needed (generate, diff) so Prisma 6.19
// keeps to its JS engine instead of downloading a Rust one.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const cli = require.resolve("prisma/build/index.js");
const preload = fileURLToPath(new URL("./unref-timers.cjs", import.meta.url));
const result = spawnSync(process.execPath, ["-r", preload, cli, ...process.argv.slice(2)], {
  stdio: "inherit",
  env: {
    ...process.env,
    DATABASE_URL: process.env.DATABASE_URL || "postgresql://placeholder@127.0.0.1:5432/placeholder",
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
  },
});
process.exit(result.status ?? 1);

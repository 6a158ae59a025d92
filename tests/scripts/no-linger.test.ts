import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { csvFile } from "@/tests/support/imports";
import { TEST_ENV } from "@/tests/support/test-env";

const root = path.resolve(__dirname, "../..");

/**
 * What a lingering process looks like: its work is done and printed, then an idle pool,
 * timer or socket holds it until something times out (pg's pool: 10 s). The bound below
 * is half that, far above a normal exit; it catches a hold, it measures no speed.
 */
const LINGER_MS = 5_000;

type Run = { code: number; out: string; err: string; idleAfterOutputMs: number };

/** Runs a CLI the way its npm script does and notes how long it stayed after its last output. */
function run(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, {
      cwd: root,
      env: { ...process.env, ...TEST_ENV, DATABASE_URL: process.env.DATABASE_URL, LOG_LEVEL: "silent" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    let last = Date.now();
    child.stdout.on("data", (d: Buffer) => ((out += d.toString()), (last = Date.now())));
    child.stderr.on("data", (d: Buffer) => ((err += d.toString()), (last = Date.now())));
    child.on("exit", (code) => resolve({ code: code ?? 1, out, err, idleAfterOutputMs: Date.now() - last }));
  });
}

describe("CLIs exit as soon as their work is done", () => {
  it("npm run db:migrate", async () => {
    const migrate = await run(["scripts/prisma.mjs", "migrate", "deploy"]);
    expect([migrate.code, migrate.out]).toEqual([0, expect.stringMatching(/No pending migrations|applied/)]);
    expect(migrate.idleAfterOutputMs).toBeLessThan(LINGER_MS);
  }, 60_000);

  // The import (like npm start and npm run admin) first applies migrations through the
  // same scripts/prisma.mjs as db:migrate (scripts/prepare-db.ts), covered above.
  it("npm run import (a small list)", async () => {
    const file = csvFile("phone\n206-555-0101\nnot a number\n");
    const args = ["--import", "tsx", "scripts/import.ts", file, "--incident", "2021-08-cyberattack"];
    const imported = await run([...args, "--category", "former", "--json"]);
    expect(imported.code).toBe(0);
    expect(JSON.parse(imported.out.trimEnd().split("\n").at(-1)!)).toMatchObject({ rows: 2, rejected: 1 });
    expect(imported.idleAfterOutputMs).toBeLessThan(LINGER_MS);
  }, 60_000);
});

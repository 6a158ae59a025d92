import { describe, expect, it } from "vitest";
import { csvFile } from "@/tests/support/imports";
import { runCli as run } from "@/tests/support/cli";

/**
 * What a lingering process looks like: its work is done and printed, then an idle pool,
 * timer or socket holds it until something times out (pg's pool: 10 s). The bound below
 * is half that, far above a normal exit; it catches a hold, it measures no speed.
 */
const LINGER_MS = 5_000;

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

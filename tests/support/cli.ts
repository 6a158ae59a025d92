import { spawn } from "node:child_process";
import path from "node:path";
import { TEST_ENV } from "@/tests/support/test-env";

const root = path.resolve(__dirname, "../..");

export type CliRun = {
  code: number;
  out: string;
  err: string;
  /** How long the process stayed alive after its last output (a hold shows here). */
  idleAfterOutputMs: number;
};

/**
 * Runs a CLI as its npm script does (`node …args` in the project root) against the unit
 * project's database, logs silenced; `stdin` is written and closed when given.
 */
export function runCli(args: string[], stdin?: string): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, {
      cwd: root,
      env: { ...process.env, ...TEST_ENV, DATABASE_URL: process.env.DATABASE_URL, LOG_LEVEL: "silent" },
      stdio: [stdin === undefined ? "ignore" : "pipe", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    let last = Date.now();
    child.stdout!.on("data", (d: Buffer) => ((out += d.toString()), (last = Date.now())));
    child.stderr!.on("data", (d: Buffer) => ((err += d.toString()), (last = Date.now())));
    child.on("exit", (code) => resolve({ code: code ?? 1, out, err, idleAfterOutputMs: Date.now() - last }));
    if (stdin !== undefined) child.stdin!.end(stdin);
  });
}

/** `npm run admin -- …` */
export const adminCli = (args: string[], stdin?: string) =>
  runCli(["--import", "tsx", "scripts/admin.ts", ...args], stdin);

/** `npm run import -- …` */
export const importCli = (args: string[]) => runCli(["--import", "tsx", "scripts/import.ts", ...args]);

// The e2e harness: the real app started as `npm start` starts it, in a fresh data
// directory (e2e-pg: on a fresh PostgreSQL database), and Debian's Chromium driven by
// playwright-core.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { AxeBuilder } from "@axe-core/playwright";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { expect } from "vitest";
import { dropScratchDatabase, scratchDatabase } from "@/tests/support/postgres";
import { TEST_STORE } from "@/tests/support/test-env";

export const root = path.resolve(__dirname, "../..");
export const CHROMIUM = "/usr/bin/chromium";
export const hasChromium = existsSync(CHROMIUM);
export const inCi = process.env.CI === "true";
const STARTUP_TIMEOUT_MS = 5 * 60_000;

if (!hasChromium && !inCi) {
  console.warn(`e2e: skipping the browser tests, ${CHROMIUM} is missing. Install it with: apt-get install -y chromium`);
}

/** A port nobody listens on right now (the OS picks it). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === "object" && addr ? resolve(addr.port) : reject(new Error("no port"))));
    });
  });
}

/** Polls /api/health until it answers 200; gives up early if the launcher exits. */
async function waitForHealth(base: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`npm start exited early (code ${child.exitCode}, signal ${child.signalCode})`);
    }
    try {
      const res = await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(5_000) });
      if (res.status === 200) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`/api/health did not answer 200 within ${timeoutMs / 1000}s`);
}

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

const START_LOCK = path.join(root, "tests/.tmp/app-start.lock");

/**
 * One app start at a time in this checkout, until it answers: the launcher builds into
 * .next when sources changed, and two builds at once (e2e and e2e-pg run side by side
 * under npm test) would wreck it. A lock whose process is gone is taken over. Returns
 * the release.
 */
async function startLock(): Promise<() => void> {
  mkdirSync(path.dirname(START_LOCK), { recursive: true });
  const owner = path.join(START_LOCK, "pid");
  const deadline = Date.now() + 3 * STARTUP_TIMEOUT_MS;
  for (;;) {
    try {
      mkdirSync(START_LOCK);
      writeFileSync(owner, String(process.pid));
      return () => rmSync(START_LOCK, { recursive: true, force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      let holder = NaN;
      try {
        holder = Number(readFileSync(owner, "utf8"));
      } catch {
        // Just made, its pid not yet written.
      }
      if (Number.isInteger(holder) && holder > 0 && !alive(holder)) {
        rmSync(START_LOCK, { recursive: true, force: true });
        continue;
      }
      if (Date.now() > deadline)
        throw new Error(`another app start has held ${START_LOCK} for too long (pid ${holder})`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

export type RunningApp = {
  base: string;
  dataDir: string;
  /** The scratch PostgreSQL database startApp made (e2e-pg), or undefined. */
  databaseUrl: string | undefined;
  env: NodeJS.ProcessEnv;
  output: () => string;
  stop: () => Promise<void>;
};

/**
 * Starts the app like a user's `npm start` (fresh DATA_DIR, free port) and waits for
 * health: on the embedded database, or in the e2e-pg project (TEST_STORE=postgres) on a
 * fresh PostgreSQL scratch database as an operator would (DATABASE_URL, LOOKUP_SECRET,
 * SMS_PROVIDER=outbox), dropped by stop().
 */
export async function startApp(extraEnv: Record<string, string> = {}): Promise<RunningApp> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "exposure-e2e-"));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  // A user's shell, not the unit project's: drop what its global setup leaks into process.env.
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: String(port) };
  for (const k of Object.keys(env)) {
    if (/^(DATABASE_URL|LOOKUP_|SMS_PROVIDER|EMBEDDED_DB|RATE_LIMIT|LOG_LEVEL|IMPORT_)/.test(k)) delete env[k];
  }
  // A caller that brings its own database (extraEnv.DATABASE_URL) keeps it.
  const databaseUrl =
    TEST_STORE === "postgres" && !extraEnv.DATABASE_URL ? await scratchDatabase("exposure_e2e") : undefined;
  if (databaseUrl)
    Object.assign(env, {
      DATABASE_URL: databaseUrl,
      LOOKUP_SECRET: randomBytes(32).toString("hex"),
      SMS_PROVIDER: "outbox",
    });
  // Most e2e files start many checks from one address (and some without JavaScript):
  // the proof-of-work challenge is off unless a test turns it on (tests/e2e/challenge.test.ts).
  env.CHALLENGE = "off";
  Object.assign(env, extraEnv);
  const release = await startLock();
  // Own process group, so teardown can reach a `next build` the launcher may be running.
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    cwd: root,
    env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (output += d.toString()));
  const stop = async () => {
    if (child.pid && child.exitCode === null && child.signalCode === null) {
      // SIGTERM: the launcher forwards it to the server, then closes the embedded database.
      process.kill(-child.pid, "SIGTERM");
      if (!(await waitForExit(child, 15_000))) {
        console.error(`npm start ignored SIGTERM; killing it. Output:\n${output}`);
        process.kill(-child.pid, "SIGKILL");
        await waitForExit(child, 5_000);
      }
    }
    rmSync(dataDir, { recursive: true, force: true });
    if (databaseUrl) await dropScratchDatabase(databaseUrl);
  };
  try {
    await waitForHealth(base, child, STARTUP_TIMEOUT_MS);
  } catch (e) {
    console.error(`npm start output:\n${output}`);
    await stop();
    throw e;
  } finally {
    release();
  }
  return { base, dataDir, databaseUrl, env, output: () => output, stop };
}

export function launchChromium(): Promise<Browser> {
  if (!hasChromium) throw new Error(`${CHROMIUM} is missing: CI must install it (apt-get install -y chromium)`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** Fails on serious or critical axe violations, listing them readably. */
export async function expectAccessible(page: Page, where: string): Promise<void> {
  const { violations, passes } = await new AxeBuilder({ page }).analyze();
  // Guards against auditing a blank or half-loaded page.
  expect(passes.length, `axe found nothing to check on ${where}`).toBeGreaterThan(0);
  const bad = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  const report = bad.map(
    (v) =>
      `[${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n${v.nodes.map((n) => `    ${n.target.join(" ")}: ${n.failureSummary ?? ""}`).join("\n")}`,
  );
  expect(report, `accessibility violations on ${where}`).toEqual([]);
}

/** The code most recently texted to a number ending in `last4`, read from /outbox as a demo user would. */
export async function codeFromOutbox(context: BrowserContext, base: string, last4: string): Promise<string> {
  const tab = await context.newPage();
  try {
    await tab.goto(`${base}/outbox`);
    // Rows are newest first, so the first row for this number holds the current code.
    const row = tab
      .getByTestId("outbox-message")
      .filter({ has: tab.getByRole("cell", { name: `•••${last4}`, exact: true }) })
      .first();
    const code = /\b(\d{6})\b/.exec((await row.textContent()) ?? "")?.[1];
    if (!code) throw new Error(`no code in the outbox for •••${last4}`);
    return code;
  } finally {
    await tab.close();
  }
}

// LOOKUP_PORT on the real server (docs/adr/0021-lookup-isolation.md): a process of its own
// answers the integration lookup as the public port does, refuses everything else, and
// the page processes run at PAGE_NICENESS while the lookup process keeps its priority.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type RunningApp } from "@/tests/support/e2e";

let app: RunningApp;
let lookupBase: string;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer().listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/** This app's server processes (found by their PORT), with their role and niceness, from /proc. */
function serverProcesses(port: string) {
  const out: { role: string; nice: number }[] = [];
  for (const pid of readdirSync("/proc").filter((p) => /^\d+$/.test(p))) {
    try {
      const env = readFileSync(`/proc/${pid}/environ`, "utf8").split("\0");
      const cmd = readFileSync(`/proc/${pid}/cmdline`, "utf8");
      if (!cmd.includes("scripts/server.ts") || !env.includes(`PORT=${port}`)) continue;
      const role = env.find((e) => e.startsWith("EXPOSURE_CHECK_PROCESS_ROLE="))?.split("=")[1] ?? "primary";
      // Fields after the command's closing parenthesis; niceness is the 19th field of the line.
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      out.push({ role, nice: Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[16]) });
    } catch {
      /* gone, or not ours */
    }
  }
  return out.sort((a, b) => a.role.localeCompare(b.role));
}

beforeAll(async () => {
  const lookupPort = await freePort();
  lookupBase = `http://127.0.0.1:${lookupPort}`;
  app = await startApp({ LOOKUP_PORT: String(lookupPort), PAGE_NICENESS: "7", RATE_LIMITS: "off" });
});
afterAll(async () => {
  await app?.stop();
});

describe("LOOKUP_PORT", () => {
  it("answers the integration lookup as the public port does", async () => {
    const path = "/api/v1/exposures/%2B12065550100";
    const there = await fetch(`${lookupBase}${path}`, { headers: { authorization: "Bearer not-a-key" } });
    const here = await fetch(`${app.base}${path}`, { headers: { authorization: "Bearer not-a-key" } });
    expect(there.status).toBe(here.status);
    expect(there.status).toBe(401);
    expect(await there.json()).toEqual(await here.json());
  });

  it("answers its probe, and 404 to the pages and every other route", async () => {
    expect((await fetch(`${lookupBase}/api/health`)).status).toBe(200);
    for (const path of ["/", "/api/ready", "/api/v1/checks", "/remediation/2021-08-cyberattack/prepaid"]) {
      const res = await fetch(`${lookupBase}${path}`);
      expect([path, res.status]).toEqual([path, 404]);
    }
    expect((await fetch(`${app.base}/`)).status).toBe(200);
  });

  it.skipIf(!existsSync("/proc/self/stat"))("runs the page processes at PAGE_NICENESS, the lookups at 0", () => {
    const port = new URL(app.base).port;
    const processes = serverProcesses(port);
    expect(processes.filter((p) => p.role === "lookup").map((p) => p.nice)).toEqual([0]);
    const pages = processes.filter((p) => p.role === "app");
    expect(pages.length).toBeGreaterThan(0);
    expect(pages.every((p) => p.nice === 7)).toBe(true);
  });
});

// lowerPriority in a child process (a raised niceness cannot be undone without privilege,
// so not in the test runner's own).
import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "../../..");

function inChild(code: string): unknown {
  const out = spawnSync(process.execPath, ["--import", "tsx", "-e", `(async () => {${code}})()`], {
    cwd: root,
    encoding: "utf8",
  });
  if (out.status !== 0) throw new Error(out.stderr);
  return JSON.parse(out.stdout);
}

const priorityModule = JSON.stringify(path.join(root, "lib/ops/priority.ts"));

describe("lowerPriority", () => {
  it("raises this process's niceness, and the threads it starts later inherit it", () => {
    const result = inChild(`
      const os = require("node:os");
      const { Worker } = require("node:worker_threads");
      const { lowerPriority } = require(${priorityModule});
      const before = os.getPriority(0);
      const applied = lowerPriority(10);
      const worker = new Worker("require('node:worker_threads').parentPort.postMessage(require('node:os').getPriority(0))", { eval: true });
      const inThread = await new Promise((resolve) => worker.once("message", resolve));
      await worker.terminate();
      console.log(JSON.stringify({ before, applied, now: os.getPriority(0), inThread }));
    `);
    expect(result).toEqual({ before: 0, applied: { niceness: 10 }, now: 10, inThread: 10 });
  });

  it("never raises the priority back", () => {
    const result = inChild(`
      const os = require("node:os");
      const { lowerPriority } = require(${priorityModule});
      os.setPriority(0, 15);
      console.log(JSON.stringify(lowerPriority(10)));
    `);
    expect(result).toEqual({ niceness: 15 });
  });
});

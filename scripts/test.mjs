// `npm test` after the type check and lint: every Vitest project, the two stores side by side.
//   embedded side:   unit, components, e2e
//   PostgreSQL side: unit-pg, e2e-pg
// Each side runs its files one after another (a project's files share one database and
// one outbox); Vitest runs such projects only one after another, so the sides are two
// Vitest runs. The embedded side prints as it goes; the PostgreSQL side's output follows
// it (live from then on). Exit code: non-zero if either side failed.
// Arguments go to both runs (`npm test -- tests/lib/imports`); with --project, one run
// takes them as they are.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
const vitest = path.join(path.dirname(require.resolve("vitest/package.json")), "vitest.mjs");
const args = process.argv.slice(2);

const SIDES = [
  { name: "embedded", projects: ["unit", "components", "e2e"] },
  { name: "PostgreSQL", projects: ["unit-pg", "e2e-pg"] },
];

const children = new Set();
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    for (const child of children) child.kill(signal);
  });
}

function run(argv, buffered) {
  const env = { ...process.env };
  // Both sides write to a pipe (kept for the failure digest): keep the colours a terminal would get.
  if (process.stdout.isTTY && !env.NO_COLOR) env.FORCE_COLOR ??= "1";
  const child = spawn(process.execPath, [vitest, "run", ...argv], { stdio: ["ignore", "pipe", "pipe"], env });
  children.add(child);
  const side = { chunks: [], live: !buffered, started: Date.now(), seconds: 0, text: [] };
  const take = (stream, out) =>
    stream?.on("data", (d) => {
      side.text.push(d);
      if (side.live) out.write(d);
      else side.chunks.push([out, d]);
    });
  take(child.stdout, process.stdout);
  take(child.stderr, process.stderr);
  side.exit = new Promise((resolve) =>
    child.on("exit", (code, signal) => {
      children.delete(child);
      side.seconds = (Date.now() - side.started) / 1000;
      resolve(code ?? (signal ? 1 : 0));
    }),
  );
  side.showNow = () => {
    for (const [out, d] of side.chunks) out.write(d);
    side.chunks = [];
    side.live = true;
  };
  return side;
}

if (args.includes("--project")) {
  process.exit(await run(args, false).exit);
}

console.log(
  `Running the ${SIDES[0].name} side (${SIDES[0].projects.join(", ")}) and the ${SIDES[1].name} side (${SIDES[1].projects.join(", ")}) side by side; the ${SIDES[1].name} side's output follows.\n`,
);
// A filter may match files of one side only: the other then has nothing to run.
const extra = args.length > 0 ? ["--passWithNoTests", ...args] : [];
const [first, second] = SIDES.map((s, i) => run([...s.projects.flatMap((p) => ["--project", p]), ...extra], i > 0));
const firstCode = await first.exit;
console.log(`\n──────── ${SIDES[1].name} side (${SIDES[1].projects.join(", ")}) ────────\n`);
second.showNow();
const secondCode = await second.exit;
// CI logs are often read from the tail: repeat what a failed side reported last.
for (const [code, side, s] of [
  [firstCode, first, SIDES[0]],
  [secondCode, second, SIDES[1]],
]) {
  if (code !== 0) console.log(`\n──────── what failed on the ${s.name} side ────────\n${failureDigest(side)}`);
}
const verdict = (code, side) => `${code === 0 ? "passed" : "FAILED"} in ${(side.seconds / 60).toFixed(1)} min`;
console.log(
  `\n${SIDES[0].name} side ${verdict(firstCode, first)}; ${SIDES[1].name} side ${verdict(secondCode, second)}.`,
);
process.exit(firstCode || secondCode);

/** The "Failed Tests" and "Unhandled Errors" sections of a run, else its last lines; at most 120 lines. */
function failureDigest(side) {
  const lines = Buffer.concat(side.text)
    .toString("utf8")
    .replace(/\x1b\[[0-9;]*m/g, "")
    .split("\n");
  const start = lines.findIndex((l) => /Failed Tests \d+|Unhandled Errors?|Failed Suites \d+/.test(l));
  const end = lines.findLastIndex((l) => /^\s*Test Files\s/.test(l));
  const picked = start >= 0 ? lines.slice(start, end > start ? end : undefined) : lines.slice(-40);
  return (
    picked.length > 120 ? [...picked.slice(0, 120), `… (${picked.length - 120} more lines above in the log)`] : picked
  ).join("\n");
}

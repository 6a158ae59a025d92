// Preload for the Prisma 6.19 CLI: its wasm engine leaves a long timer that keeps
// the process alive ~10 s after each command. Unref long timers so it exits at once.
const original = global.setTimeout;
global.setTimeout = function (fn, ms, ...args) {
  const t = original(fn, ms, ...args);
  if (typeof ms === "number" && ms >= 10000 && t && typeof t.unref === "function") t.unref();
  return t;
};

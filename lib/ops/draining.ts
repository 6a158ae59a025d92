// The HTTP server (scripts/server.ts, loaded by tsx) and the route handlers (bundled by
// Next) hold separate copies of this module: the flag lives on globalThis so both see it.
const DRAINING = Symbol.for("exposure-check.draining");
const state = globalThis as unknown as { [DRAINING]?: boolean };

/** From now on /api/ready answers 503, so load balancers stop sending traffic. */
export function markDraining(): void {
  state[DRAINING] = true;
}

export function isDraining(): boolean {
  return state[DRAINING] === true;
}

/** For tests. */
export function resetDrainingForTests(): void {
  delete state[DRAINING];
}

import type { Sql } from "@/lib/db/sql";
import type { Keyring } from "@/lib/hashing/keyring";
import { openCode } from "@/lib/offers/codes";

/**
 * Activation codes for a verified number (docs/adr/0032-offer-codes.md). Called where the
 * verified result is assembled, after the code was proven, so everything before the
 * verification does the same work as ever. A number keeps the code it got first: its
 * assignment is keyed by the number's stored hash (any configured key version's form
 * finds it, as lookups do).
 */

export type OfferDeps = { sql: Sql; keyring: Keyring };

/**
 * The part of a result (lib/exposures/types.ts ExposureResult) these functions read and
 * fill, stated here so lib/offers does not import lib/exposures, which calls it.
 */
type WithOffers = {
  exposures: { incident: { slug: string }; category: { slug: string }; offer: { code?: string | null } | null }[];
};

type Held = {
  incident_slug: string;
  category_slug: string;
  category_id: number;
  sealed_code: Buffer;
  seal_version: number;
};

// The codes a number holds already, in every pool: any of its hash forms (Keyring.hashAll).
const HELD = {
  name: "offer_codes_held",
  text: `
    SELECT i.slug AS incident_slug, c.slug AS category_slug, o.category_id, o.sealed_code, o.seal_version
    FROM unnest($1::bytea[], $2::smallint[]) AS q(h, v)
    JOIN offer_code o ON o.assigned_to = q.h AND o.assigned_version = q.v
    JOIN category c ON c.id = o.category_id
    JOIN incident i ON i.id = c.incident_id`,
};

// One free code of the pool, taken in one statement: SKIP LOCKED lets concurrent claims
// (on any node) take different rows instead of queueing on one, and the unique
// (category_id, assigned_to) refuses a second code for the same number (23505).
const CLAIM = {
  name: "offer_code_claim",
  text: `
    UPDATE offer_code SET assigned_to = $3, assigned_version = $4, assigned_at = now()
    WHERE id = (
      SELECT o.id FROM offer_code o
      WHERE o.category_id = (
          SELECT c.id FROM category c JOIN incident i ON i.id = c.incident_id WHERE i.slug = $1 AND c.slug = $2)
        AND o.assigned_to IS NULL
      ORDER BY o.id LIMIT 1
      FOR UPDATE SKIP LOCKED)
    RETURNING category_id, sealed_code, seal_version`,
};

const key = (incident: string, category: string) => `${incident}/${category}`;

async function held(deps: OfferDeps, e164: string): Promise<Map<string, string | null>> {
  const forms = deps.keyring.hashAll(e164);
  const rows = await deps.sql<Held>(HELD, [forms.map((f) => f.hash), forms.map((f) => f.version)]);
  return new Map(
    rows.map((r) => [
      key(r.incident_slug, r.category_slug),
      openCode(deps.keyring, r.category_id, r.sealed_code, r.seal_version),
    ]),
  );
}

/** Takes one free code of a pool for the number, or finds the one it got meanwhile; null when none is left. */
async function claim(deps: OfferDeps, e164: string, incident: string, category: string): Promise<string | null> {
  const { hash, version } = deps.keyring.hash(e164);
  try {
    const [row] = await deps.sql<Omit<Held, "incident_slug" | "category_slug">>(CLAIM, [
      incident,
      category,
      hash,
      version,
    ]);
    if (row) return openCode(deps.keyring, row.category_id, row.sealed_code, row.seal_version);
  } catch (e) {
    // Another check of the same number took one first: that one is the number's.
    if ((e as { code?: string }).code !== "23505") throw e;
  }
  // Lost a race to a concurrent check of this number, or the pool is empty.
  return (await held(deps, e164)).get(key(incident, category)) ?? null;
}

/**
 * The verified result with each offer's code: the one the number holds, else one taken
 * from the pool now, else null (the pool is empty). Only for a number proven by its owner.
 */
export async function claimOfferCodes<R extends WithOffers>(deps: OfferDeps, e164: string, result: R): Promise<R> {
  if (!result.exposures.some((x) => x.offer)) return result;
  const mine = await held(deps, e164);
  const exposures = [];
  for (const x of result.exposures) {
    if (!x.offer) {
      exposures.push(x);
      continue;
    }
    const k = key(x.incident.slug, x.category.slug);
    const code = mine.has(k) ? mine.get(k)! : await claim(deps, e164, x.incident.slug, x.category.slug);
    exposures.push({ ...x, offer: { ...x.offer, code } });
  }
  return { ...result, exposures };
}

/**
 * The codes a number was handed already, for the agent lookup: shown, never taken (an
 * agent's caller has not proven the number here). Returns the result with those codes
 * and the pools (incident/category) whose code was shown, for the audit.
 */
export async function heldOfferCodes<R extends WithOffers>(
  deps: OfferDeps,
  e164: string,
  result: R,
): Promise<{ result: R; shown: string[] }> {
  if (!result.exposures.some((x) => x.offer)) return { result, shown: [] };
  const mine = await held(deps, e164);
  const shown: string[] = [];
  const exposures = result.exposures.map((x) => {
    const code = x.offer ? mine.get(key(x.incident.slug, x.category.slug)) : undefined;
    if (!x.offer || !code) return x;
    shown.push(key(x.incident.slug, x.category.slug));
    return { ...x, offer: { ...x.offer, code } };
  });
  return { result: { ...result, exposures }, shown };
}

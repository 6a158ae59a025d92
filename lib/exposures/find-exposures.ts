import type { Sql } from "@/lib/db/sql";
import type { Keyring } from "@/lib/hashing/keyring";
import type { ExposureResult, Offer } from "@/lib/exposures/types";
import { noticePath, remediationPath } from "@/lib/incidents/paths";
import { lookupBatchTimer } from "@/lib/metrics/registry";

/** Looks a number (E.164) up: every exposure recorded for it. */
export type FindExposures = (e164: string) => Promise<ExposureResult>;

type Row = {
  n: number;
  incident_slug: string;
  incident_title: string;
  disclosed_on: string;
  category_slug: string;
  category_name: string;
  data_exposed: string[];
  offer_provider: string | null;
  offer_months: number | null;
  offer_enroll_url: string | null;
  offer_instructions: string | null;
};

// Several numbers at once: $1, $2 and $3 pair each hash with its key version and the
// number (n) it belongs to. One statement text whatever the count, so PostgreSQL plans it
// once per connection. A DATE comes back as text (pg would make a local-midnight Date);
// as YYYY-MM-DD it also sorts as the date does.
const EXPOSURES = {
  name: "find_exposures",
  text: `
    SELECT DISTINCT q.n, i.slug AS incident_slug, i.title AS incident_title,
           to_char(i.disclosed_at, 'YYYY-MM-DD') AS disclosed_on,
           c.slug AS category_slug, c.name AS category_name,
           coalesce(c.data_exposed, '{}') AS data_exposed, c.sort_order,
           c.offer_provider, c.offer_months, c.offer_enroll_url, c.offer_instructions
    FROM unnest($1::bytea[], $2::smallint[], $3::int[]) AS q(phone_hash, key_version, n)
    JOIN affected_account a ON a.phone_hash = q.phone_hash AND a.key_version = q.key_version
    JOIN import_batch b ON b.id = a.batch_id AND b.status = 'completed'
    JOIN category c ON c.id = a.category_id
    JOIN incident i ON i.id = c.incident_id
    ORDER BY q.n, disclosed_on DESC, i.slug, c.sort_order, c.slug`,
};

/**
 * Every exposure recorded for each number: its hash under each key version (so lookups
 * keep working during a rotation), only from completed import batches. One query.
 */
export async function findExposuresOf(sql: Sql, keyring: Keyring, numbers: string[]): Promise<ExposureResult[]> {
  const hashes: Buffer[] = [];
  const versions: number[] = [];
  const owners: number[] = [];
  numbers.forEach((e164, n) => {
    for (const h of keyring.hashAll(e164)) {
      hashes.push(h.hash);
      versions.push(h.version);
      owners.push(n);
    }
  });
  const observed = lookupBatchTimer(numbers.length);
  const rows = await sql<Row>(EXPOSURES, [hashes, versions, owners]);
  observed();
  const results: ExposureResult[] = numbers.map((phone) => ({ phone, affected: false, exposures: [] }));
  for (const r of rows) {
    const result = results[r.n]!;
    result.affected = true;
    result.exposures.push({
      incident: { slug: r.incident_slug, title: r.incident_title, disclosedAt: r.disclosed_on },
      category: { slug: r.category_slug, name: r.category_name, dataExposed: r.data_exposed },
      remediationUrl: remediationPath(r.incident_slug, r.category_slug),
      noticeUrl: noticePath(r.incident_slug),
      offer: offerOf(r),
    });
  }
  return results;
}

/** A category's offer without a code (claimOfferCodes adds one after a verification). */
function offerOf(r: Row): Offer | null {
  if (!r.offer_provider || r.offer_months == null || !r.offer_enroll_url) return null;
  return {
    provider: r.offer_provider,
    durationMonths: r.offer_months,
    enrollUrl: r.offer_enroll_url,
    instructions: r.offer_instructions ?? "",
  };
}

/** Every exposure recorded for one number. */
export async function findExposures(sql: Sql, keyring: Keyring, e164: string): Promise<ExposureResult> {
  return (await findExposuresOf(sql, keyring, [e164]))[0]!;
}

/**
 * findExposures for a busy path: the numbers asked for while the event loop turns once
 * go to the database together, as one query (up to `max` at a time). Under load that is
 * one round trip for dozens of lookups instead of one each; alone, a lookup waits for no
 * one. Every number costs the same work, affected or not.
 */
export function batchedFindExposures(sql: Sql, keyring: Keyring, max = 256): FindExposures {
  const pending: { e164: string; resolve: (r: ExposureResult) => void; reject: (e: unknown) => void }[] = [];
  const run = () => {
    const batch = pending.splice(0, max);
    if (pending.length > 0) setImmediate(run);
    findExposuresOf(
      sql,
      keyring,
      batch.map((p) => p.e164),
    ).then(
      (results) => batch.forEach((p, i) => p.resolve(results[i]!)),
      (err: unknown) => batch.forEach((p) => p.reject(err)),
    );
  };
  return (e164) =>
    new Promise((resolve, reject) => {
      if (pending.push({ e164, resolve, reject }) === 1) setImmediate(run);
    });
}

import type { Client } from "pg";
import type { Keyring } from "@/lib/hashing/keyring";

export type RotationProgress = { rotated: number; remaining: number };
export type RotationSummary = { version: number; rotated: number; seconds: number };

/**
 * Re-keys every stored hash of an older key version to the current one, a slice at a
 * time. Numbers are never stored, so a row cannot be hashed afresh: its hash is wrapped
 * (HMAC under the new key of the old hash, see Keyring.wrap). Each slice swaps its rows
 * in one transaction and lookups try every form (Keyring.hashAll), so answers stay the
 * same throughout. After a rotation a copy of the database and the old key no longer
 * suffice to test numbers against it; the old key stays configured for lookups.
 */
export async function rotateKeys(
  client: Client,
  keyring: Keyring,
  opts: { sliceRows?: number; onProgress?: (p: RotationProgress) => void } = {},
): Promise<RotationSummary> {
  const started = Date.now();
  const version = keyring.current.version;
  const sliceRows = opts.sliceRows ?? 10_000;
  const versions = await client.query<{ key_version: number }>(
    `SELECT DISTINCT key_version FROM affected_account WHERE key_version <> $1`,
    [version],
  );
  const unknown = versions.rows.map((r) => r.key_version).filter((v) => !keyring.has(v) || v > version);
  if (unknown.length > 0) {
    throw new Error(
      `Rows are stored under key version(s) ${unknown.join(", ")}, which LOOKUP_PREVIOUS_SECRETS does not hold (or which are newer than LOOKUP_KEY_VERSION ${version}).`,
    );
  }
  const count = async () =>
    Number(
      (
        await client.query<{ n: string }>(`SELECT count(*)::text AS n FROM affected_account WHERE key_version < $1`, [
          version,
        ])
      ).rows[0]!.n,
    );
  let remaining = await count();
  let rotated = 0;
  // Passes in key order (the primary key's index, from where the last slice ended); rows
  // another transaction held (SKIP LOCKED) are taken by a later pass.
  while (remaining > 0) {
    let after: { h: Buffer; v: number; c: number } | null = null;
    let inPass = 0;
    for (;;) {
      const n = await rotateSlice(client, keyring, after, sliceRows);
      if (n.rows === 0) break;
      after = n.last;
      inPass += n.rows;
      rotated += n.rows;
      remaining = Math.max(0, remaining - n.rows);
      opts.onProgress?.({ rotated, remaining });
    }
    remaining = await count();
    if (inPass === 0 && remaining > 0) await new Promise((r) => setTimeout(r, 1000));
  }
  return { version, rotated, seconds: (Date.now() - started) / 1000 };
}

type Row = { phone_hash: Buffer; key_version: number; category_id: number; batch_id: number };

/** One slice in one transaction: old rows out, their wrapped forms in. */
async function rotateSlice(
  client: Client,
  keyring: Keyring,
  after: { h: Buffer; v: number; c: number } | null,
  sliceRows: number,
) {
  const version = keyring.current.version;
  await client.query("BEGIN");
  try {
    // SKIP LOCKED: an import's merge or an undo holding some rows does not stall the rotation.
    const slice = await client.query<Row>(
      `SELECT phone_hash, key_version, category_id, batch_id FROM affected_account
       WHERE key_version < $1 ${after ? "AND (phone_hash, key_version, category_id) > ($3, $4, $5)" : ""}
       ORDER BY phone_hash, key_version, category_id LIMIT $2 FOR UPDATE SKIP LOCKED`,
      after ? [version, sliceRows, after.h, after.v, after.c] : [version, sliceRows],
    );
    const rows = slice.rows;
    if (rows.length > 0) {
      const wrapped = rows.map((r) => keyring.wrap({ version: r.key_version, hash: r.phone_hash }).hash);
      await client.query(
        `INSERT INTO affected_account (phone_hash, key_version, category_id, batch_id)
         SELECT h, $1, c, b FROM unnest($2::bytea[], $3::int4[], $4::int4[]) AS t(h, c, b)
         ON CONFLICT DO NOTHING`,
        [version, wrapped, rows.map((r) => r.category_id), rows.map((r) => r.batch_id)],
      );
      await client.query(
        `DELETE FROM affected_account a USING unnest($1::bytea[], $2::int2[], $3::int4[]) AS t(h, v, c)
         WHERE a.phone_hash = t.h AND a.key_version = t.v AND a.category_id = t.c`,
        [rows.map((r) => r.phone_hash), rows.map((r) => r.key_version), rows.map((r) => r.category_id)],
      );
    }
    await client.query("COMMIT");
    const last = rows.at(-1);
    return { rows: rows.length, last: last ? { h: last.phone_hash, v: last.key_version, c: last.category_id } : null };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  }
}

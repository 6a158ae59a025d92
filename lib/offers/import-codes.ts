import { parse } from "csv-parse/sync";
import { actedBy, recordAudit, type AuditCtx } from "@/lib/audit/record";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Keyring } from "@/lib/hashing/keyring";
import { CODE_PATTERN, codeDigest, sealCode } from "@/lib/offers/codes";

/** A pool file's size limit: 200,000 codes of 20 characters fit several times over. */
export const MAX_CODES_BYTES = 10 * 1024 * 1024;
const CHUNK = 2_000;

export type CodesImport = { loaded: number; duplicates: number; rejected: number };

/**
 * Loads a CSV of activation codes into a category's pool: the first column of each row,
 * a header row "code" skipped, blank rows ignored. A code that is not 4–64 letters, digits
 * or dashes is rejected (counted, never echoed: the file's contents are secrets); one
 * already in the pool or earlier in the file is a duplicate. Codes are stored sealed and
 * audited by their counts only.
 */
export async function importOfferCodes(
  deps: { db: Db; keyring: Keyring },
  incidentSlug: string,
  categorySlug: string,
  csv: string | Buffer,
  ctx: AuditCtx,
): Promise<CodesImport> {
  if (Buffer.byteLength(csv) > MAX_CODES_BYTES) throw new AppError("payload_too_large");
  const category = await deps.db.category.findFirst({
    where: { slug: categorySlug, incident: { slug: incidentSlug } },
    select: { id: true },
  });
  if (!category) throw new AppError("not_found");

  let rows: string[][];
  try {
    rows = parse(csv, { relax_column_count: true, skip_empty_lines: true, bom: true, trim: true });
  } catch {
    throw new AppError("invalid_request", { fields: { file: "errors.offer_codes_unreadable" } });
  }
  if (rows[0]?.[0]?.toLowerCase() === "code") rows = rows.slice(1);

  let rejected = 0;
  const seen = new Set<string>();
  const fresh: {
    categoryId: number;
    codeDigest: Uint8Array<ArrayBuffer>;
    sealedCode: Uint8Array<ArrayBuffer>;
    sealVersion: number;
  }[] = [];
  for (const row of rows) {
    const code = row[0] ?? "";
    if (!CODE_PATTERN.test(code)) {
      rejected++;
      continue;
    }
    const digest = codeDigest(deps.keyring, code);
    const k = digest.toString("base64");
    if (seen.has(k)) continue;
    seen.add(k);
    const { sealed, version } = sealCode(deps.keyring, category.id, code);
    fresh.push({
      categoryId: category.id,
      codeDigest: new Uint8Array(digest),
      sealedCode: new Uint8Array(sealed),
      sealVersion: version,
    });
  }
  let loaded = 0;
  for (let i = 0; i < fresh.length; i += CHUNK) {
    // ON CONFLICT DO NOTHING on (category_id, code_digest): codes the pool holds already.
    loaded += (await deps.db.offerCode.createMany({ data: fresh.slice(i, i + CHUNK), skipDuplicates: true })).count;
  }
  const result = { loaded, duplicates: rows.length - rejected - loaded, rejected };
  await recordAudit(deps.db, {
    ...actedBy(ctx),
    action: "offer_codes_imported",
    target: `${incidentSlug}/${categorySlug}`,
    details: result,
  });
  return result;
}

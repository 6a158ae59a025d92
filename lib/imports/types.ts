import type { KeyBytes } from "@/lib/hashing/keyring";
import type { PhoneProblem } from "@/lib/phone/normalize";

/** A refused row: its line in the file, why, and (for the download) the value. */
export type Rejection = { line: number; reason: RejectReason; value: string };

/** Why the check would refuse the number, or why the row itself is unusable. */
export type RejectReason = PhoneProblem | "unknown_category" | "malformed_row" | "record_too_long";

/** What every worker needs to turn rows into hashes. */
export type WorkerInit = {
  region: string;
  /** The lookup keys a stored hash is made by, oldest first (Keyring.chainBytes). */
  keys: KeyBytes[];
  phoneColumn: number;
  categoryColumn: number | null;
  /** Category id for every row, or a map from the category column's value (lower case). */
  fixedCategoryId: number | null;
  categoryIds: Record<string, number>;
};

export type PieceResult = {
  id: number;
  rows: number;
  accepted: number;
  /** PostgreSQL binary COPY tuples (phone_hash bytea, category_id int4), 46 bytes each. */
  tuples: Uint8Array;
  rejections: Rejection[];
};

export const TUPLE_BYTES = 46;

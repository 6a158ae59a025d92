import { parse } from "csv-parse/sync";

const PHONE_NAMES = new Set([
  "phone",
  "phone_number",
  "phone number",
  "phonenumber",
  "msisdn",
  "mobile",
  "mobile_number",
  "telephone",
]);
const CATEGORY_NAMES = new Set(["category", "segment", "group"]);

export type Columns = { names: string[]; phone: number; category: number | null };

/** Finds the first record's end (a newline outside quotes). */
export function headerLength(buf: Uint8Array): number {
  let quoted = false;
  for (let i = 0; i < buf.length; i++) {
    if (buf[i] === 0x22) quoted = !quoted;
    else if (buf[i] === 0x0a && !quoted) return i + 1;
  }
  return buf.length;
}

/** Reads the header in any case and order; null when there is no phone column. */
export function readHeader(bytes: Uint8Array): Columns | null {
  let text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8");
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const [row] = parse(text, { relax_column_count: true }) as string[][];
  const names = (row ?? []).map((n) => n.trim().toLowerCase());
  const phone = names.findIndex((n) => PHONE_NAMES.has(n));
  if (phone < 0) return null;
  const category = names.findIndex((n) => CATEGORY_NAMES.has(n));
  return { names, phone, category: category < 0 ? null : category };
}

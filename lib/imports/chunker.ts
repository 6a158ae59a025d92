/**
 * Cuts a CSV byte stream into pieces that end on record boundaries (a newline outside
 * quotes, RFC 4180), so workers can parse pieces independently. Tracks the physical
 * line each piece starts on, for rejected-row line numbers. Works on bytes: UTF-8
 * never puts a quote or newline byte inside a multi-byte character.
 */
/** `oneLinePerRecord`: no quoted field spans lines, so record i is on line firstLine + i. */
export type Piece = { buf: Uint8Array; firstLine: number; oneLinePerRecord: boolean };

/**
 * No record may be longer (ADR 23): a file with an unclosed quote would otherwise be one
 * record to its end, held whole in memory and handed to one parser.
 */
export const MAX_RECORD_BYTES = 64 * 1024;

export class RecordChunker {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private inQuotes = false;
  private quotedNewline = false;
  private nextLine = 1;
  /** Where the open quoted field began, counted from the start of pending. */
  private openAt = 0;
  /** Dropping the rest of an overlong line, up to its newline. */
  private skipping = false;

  /** `onOverlong(line)`: a record over maxRecord bytes that begins on this line was dropped. */
  constructor(
    private readonly target = 512 * 1024,
    private readonly onOverlong: (line: number) => void = () => {},
    private readonly maxRecord = MAX_RECORD_BYTES,
  ) {}

  /**
   * Feeds bytes; returns the complete pieces now available. Jumps between quotes and
   * newlines with indexOf (native) rather than visiting every byte in JavaScript: the
   * main thread cuts every piece that all the workers parse.
   */
  push(bytes: Buffer): Piece[] {
    const out: Piece[] = [];
    this.feed(bytes, out);
    return out;
  }

  private feed(input: Buffer, out: Piece[]): void {
    let bytes = input;
    if (this.skipping) {
      const nl = bytes.indexOf(0x0a);
      if (nl === -1) return;
      this.skipping = false;
      this.nextLine++;
      bytes = bytes.subarray(nl + 1);
    }
    let start = 0;
    let i = 0;
    while (i < bytes.length) {
      const quote = bytes.indexOf(0x22, i);
      const end = quote === -1 ? bytes.length : quote;
      if (this.inQuotes) {
        if (this.pendingBytes + (end - start) - this.openAt > this.maxRecord)
          return this.dropOpenLine(bytes, start, out);
        const nl = bytes.indexOf(0x0a, i);
        if (nl !== -1 && nl < end) this.quotedNewline = true;
      } else {
        // Cut at the first newline once the piece has reached its target size.
        for (;;) {
          const from = Math.max(i, start + this.target - this.pendingBytes - 1);
          const nl = from < end ? bytes.indexOf(0x0a, from) : -1;
          if (nl === -1 || nl >= end) break;
          out.push(this.take(bytes.subarray(start, nl + 1)));
          start = nl + 1;
        }
      }
      if (quote === -1) break;
      if (!this.inQuotes) this.openAt = this.pendingBytes + (quote - start);
      this.inQuotes = !this.inQuotes;
      i = quote + 1;
    }
    if (start < bytes.length) {
      this.pending.push(bytes.subarray(start));
      this.pendingBytes += bytes.length - start;
    }
  }

  /**
   * A quoted field has run past maxRecord: the records before its line become a piece,
   * the line it opened on is dropped (reported), and reading starts again on the next
   * line outside quotes. Memory stays bounded whatever the quotes in the file.
   */
  private dropOpenLine(bytes: Buffer, start: number, out: Piece[]): void {
    const all = Buffer.concat([...this.pending, bytes.subarray(start)]);
    const lineStart = this.openAt === 0 ? 0 : all.lastIndexOf(0x0a, this.openAt - 1) + 1;
    const lineEnd = all.indexOf(0x0a, this.openAt);
    this.pending = lineStart > 0 ? [all.subarray(0, lineStart)] : [];
    this.pendingBytes = lineStart;
    this.inQuotes = false;
    if (lineStart > 0) out.push(this.take(Buffer.alloc(0)));
    this.quotedNewline = false;
    this.onOverlong(this.nextLine);
    if (lineEnd === -1) {
      this.skipping = true;
      return;
    }
    this.nextLine++;
    this.feed(all.subarray(lineEnd + 1), out);
  }

  /** The rest, at the end of the stream. */
  end(): Piece | undefined {
    if (this.pendingBytes === 0) return undefined;
    return this.take(Buffer.alloc(0));
  }

  private take(tail: Buffer): Piece {
    // A fresh ArrayBuffer of its own, so the piece can be transferred to a worker.
    let buf: Uint8Array = new Uint8Array(this.pendingBytes + tail.length);
    let at = 0;
    for (const p of [...this.pending, tail]) {
      buf.set(p, at);
      at += p.length;
    }
    this.pending = [];
    this.pendingBytes = 0;
    const firstLine = this.nextLine;
    // Lines over maxRecord with their quotes paired (a record of their own): emptied here,
    // so neither parser meets them; the empty line keeps the line numbers.
    let long: [number, number, number][] | null = null;
    let from = 0;
    for (let nl = buf.indexOf(0x0a); ; nl = buf.indexOf(0x0a, nl + 1)) {
      const lineEnd = nl === -1 ? buf.length : nl;
      if (lineEnd - from > this.maxRecord && evenQuotes(buf, from, lineEnd))
        (long ??= []).push([from, lineEnd, this.nextLine]);
      if (nl === -1) break;
      this.nextLine++;
      from = nl + 1;
    }
    if (long) buf = this.withoutLines(buf, long);
    const oneLinePerRecord = !this.quotedNewline;
    this.quotedNewline = false;
    return { buf, firstLine, oneLinePerRecord };
  }

  private withoutLines(buf: Uint8Array, lines: [number, number, number][]): Uint8Array {
    const parts: Uint8Array[] = [];
    let from = 0;
    for (const [start, end, line] of lines) {
      parts.push(buf.subarray(from, start));
      this.onOverlong(line);
      from = end;
    }
    parts.push(buf.subarray(from));
    const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) {
      out.set(p, at);
      at += p.length;
    }
    return out;
  }
}

function evenQuotes(buf: Uint8Array, from: number, to: number): boolean {
  let n = 0;
  for (let at = buf.indexOf(0x22, from); at !== -1 && at < to; at = buf.indexOf(0x22, at + 1)) n++;
  return n % 2 === 0;
}

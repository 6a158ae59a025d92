/**
 * Cuts a CSV byte stream into pieces that end on record boundaries (a newline outside
 * quotes, RFC 4180), so workers can parse pieces independently. Tracks the physical
 * line each piece starts on, for rejected-row line numbers. Works on bytes: UTF-8
 * never puts a quote or newline byte inside a multi-byte character.
 */
/** `oneLinePerRecord`: no quoted field spans lines, so record i is on line firstLine + i. */
export type Piece = { buf: Uint8Array; firstLine: number; oneLinePerRecord: boolean };

export class RecordChunker {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private inQuotes = false;
  private quotedNewline = false;
  private nextLine = 1;

  constructor(private readonly target = 512 * 1024) {}

  /**
   * Feeds bytes; returns the complete pieces now available. Jumps between quotes and
   * newlines with indexOf (native) rather than visiting every byte in JavaScript: the
   * main thread cuts every piece that all the workers parse.
   */
  push(bytes: Buffer): Piece[] {
    const out: Piece[] = [];
    let start = 0;
    let i = 0;
    while (i < bytes.length) {
      const quote = bytes.indexOf(0x22, i);
      const end = quote === -1 ? bytes.length : quote;
      if (this.inQuotes) {
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
      this.inQuotes = !this.inQuotes;
      i = quote + 1;
    }
    if (start < bytes.length) {
      this.pending.push(bytes.subarray(start));
      this.pendingBytes += bytes.length - start;
    }
    return out;
  }

  /** The rest, at the end of the stream. */
  end(): Piece | undefined {
    if (this.pendingBytes === 0) return undefined;
    return this.take(Buffer.alloc(0));
  }

  private take(tail: Buffer): Piece {
    // A fresh ArrayBuffer of its own, so the piece can be transferred to a worker.
    const buf = new Uint8Array(this.pendingBytes + tail.length);
    let at = 0;
    for (const p of [...this.pending, tail]) {
      buf.set(p, at);
      at += p.length;
    }
    this.pending = [];
    this.pendingBytes = 0;
    const firstLine = this.nextLine;
    for (let at = buf.indexOf(0x0a); at !== -1; at = buf.indexOf(0x0a, at + 1)) this.nextLine++;
    const oneLinePerRecord = !this.quotedNewline;
    this.quotedNewline = false;
    return { buf, firstLine, oneLinePerRecord };
  }
}

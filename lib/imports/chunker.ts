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

  /** Feeds bytes; returns the complete pieces now available. */
  push(bytes: Buffer): Piece[] {
    const out: Piece[] = [];
    let start = 0;
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i];
      if (b === 0x22) this.inQuotes = !this.inQuotes;
      else if (b === 0x0a && this.inQuotes) this.quotedNewline = true;
      else if (b === 0x0a && this.pendingBytes + (i + 1 - start) >= this.target) {
        out.push(this.take(bytes.subarray(start, i + 1)));
        start = i + 1;
      }
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
    for (let i = 0; i < buf.length; i++) if (buf[i] === 0x0a) this.nextLine++;
    const oneLinePerRecord = !this.quotedNewline;
    this.quotedNewline = false;
    return { buf, firstLine, oneLinePerRecord };
  }
}

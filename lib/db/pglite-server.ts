import { timingSafeEqual } from "node:crypto";
import { createServer, type Server, type Socket } from "node:net";
import type { PGlite } from "@electric-sql/pglite";

const SSL_REQUEST = 80877103;
const CANCEL_REQUEST = 80877102;
const PROTOCOL_V3 = 196608;
/** Message types that end a unit of work: Sync, simple Query, Terminate. */
const UNIT_END = new Set([0x53, 0x51, 0x58]);
const PASSWORD_MESSAGE = 0x70;

/** AuthenticationCleartextPassword: the client sends the password (over loopback only). */
const ASK_PASSWORD = Buffer.from([0x52, 0, 0, 0, 8, 0, 0, 0, 3]);

function fatal(code: string, message: string): Buffer {
  const fields = Buffer.from(`SFATAL\0VFATAL\0C${code}\0M${message}\0\0`, "utf8");
  const head = Buffer.alloc(5);
  head[0] = 0x45;
  head.writeInt32BE(4 + fields.length, 1);
  return Buffer.concat([head, fields]);
}

function samePassword(given: Buffer, expected: Buffer): boolean {
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * Serves one PGlite over the PostgreSQL wire protocol to several connections.
 *
 * PGlite is a single session. @electric-sql/pglite-socket queues single messages, so
 * two clients' extended-protocol messages interleave (A's Parse, B's Parse, A's Bind:
 * "bind message supplies 2 parameters, but prepared statement requires 6"). Here each
 * connection's messages run as whole units — everything up to a Sync or a simple
 * Query — and a connection that leaves PGlite inside a transaction keeps it until the
 * transaction ends, so every client sees a session of its own.
 *
 * With a `password`, a connection must send it (cleartext, asked for after the startup
 * message, as PostgreSQL's `password` method does) before PGlite sees anything: any
 * local user could otherwise connect to the loopback port and write an owner or an API
 * key. A wrong or missing password gets PostgreSQL's 28P01 and the connection closes.
 */
export class PgliteServer {
  private server: Server | undefined;
  private owner: Conn | null = null;
  private readonly waiting: (() => void)[] = [];
  readonly password: Buffer | null;

  constructor(
    private readonly db: PGlite,
    opts: { password?: string } = {},
  ) {
    this.password = opts.password ? Buffer.from(opts.password, "utf8") : null;
  }

  async listen(host = "127.0.0.1", port = 0): Promise<number> {
    await this.db.waitReady;
    this.server = createServer((socket) => new Conn(this, socket));
    await new Promise<void>((resolve) => this.server!.listen(port, host, resolve));
    const addr = this.server.address();
    return typeof addr === "object" && addr ? addr.port : port;
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** Runs one unit for a connection, holding PGlite through its open transaction. */
  async run(conn: Conn, unit: Uint8Array, onData: (d: Uint8Array) => void): Promise<void> {
    if (this.owner !== conn) {
      while (this.owner !== null) await new Promise<void>((r) => this.waiting.push(r));
      this.owner = conn;
    }
    try {
      await this.db.execProtocolRawStream(unit, { onRawData: onData });
    } finally {
      if (!this.db.isInTransaction()) this.release();
    }
  }

  /** A connection went away: undo its open transaction and let the next one in. */
  async abandon(conn: Conn): Promise<void> {
    if (this.owner !== conn) return;
    if (this.db.isInTransaction()) await this.db.exec("ROLLBACK").catch(() => {});
    this.release();
  }

  private release() {
    this.owner = null;
    this.waiting.shift()?.();
  }
}

class Conn {
  private buffer = Buffer.alloc(0);
  private unit: Buffer[] = [];
  private started = false;
  /** The startup message, held until the password is right. */
  private startup: Uint8Array | null = null;
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly server: PgliteServer,
    private readonly socket: Socket,
  ) {
    socket.setNoDelay(true);
    socket.on("data", (d) => {
      this.buffer = Buffer.concat([this.buffer, d]);
      this.chain = this.chain
        .then(() => this.drain())
        .catch(() => {
          socket.destroy();
        });
    });
    const gone = () => void this.chain.then(() => this.server.abandon(this));
    socket.on("close", gone);
    socket.on("error", () => socket.destroy());
  }

  private async drain() {
    for (;;) {
      if (!this.started) {
        if (this.buffer.length < 8) return;
        const len = this.buffer.readInt32BE(0);
        const code = this.buffer.readInt32BE(4);
        if (this.buffer.length < len) return;
        const msg = this.buffer.subarray(0, len);
        this.buffer = this.buffer.subarray(len);
        if (code === SSL_REQUEST) this.socket.write("N");
        else if (code === CANCEL_REQUEST) this.socket.end();
        else if (code === PROTOCOL_V3) {
          this.started = true;
          if (this.server.password) {
            this.startup = new Uint8Array(msg);
            this.socket.write(ASK_PASSWORD);
          } else await this.exec(msg);
        } else this.socket.destroy();
        continue;
      }
      if (this.startup) {
        if (this.buffer.length < 5) return;
        const len = 1 + this.buffer.readInt32BE(1);
        if (this.buffer.length < len) return;
        const type = this.buffer[0];
        const given = this.buffer.subarray(5, len - 1); // the password, less its NUL
        this.buffer = this.buffer.subarray(len);
        if (type !== PASSWORD_MESSAGE || !samePassword(given, this.server.password!)) {
          this.socket.end(fatal("28P01", 'password authentication failed for user "postgres"'));
          this.buffer = Buffer.alloc(0);
          return;
        }
        const startup = this.startup;
        this.startup = null;
        await this.exec(startup);
        continue;
      }
      if (this.buffer.length < 5) return;
      const len = 1 + this.buffer.readInt32BE(1);
      if (this.buffer.length < len) return;
      const type = this.buffer[0]!;
      this.unit.push(this.buffer.subarray(0, len));
      this.buffer = this.buffer.subarray(len);
      if (type === 0x58) {
        this.socket.end();
        return;
      }
      if (UNIT_END.has(type)) {
        const unit = Buffer.concat(this.unit);
        this.unit = [];
        await this.exec(unit);
      }
    }
  }

  private exec(unit: Uint8Array) {
    return this.server.run(this, new Uint8Array(unit), (d) => {
      if (this.socket.writable) this.socket.write(d);
    });
  }
}

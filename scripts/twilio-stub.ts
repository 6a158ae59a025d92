// A stand-in for Twilio's Messages API on loopback, for benchmarks: it answers every
// POST …/Messages.json after `delayMs` (the order of the real API) and keeps the last
// code texted to each number in memory, so a load generator can verify it; with
// `keepTexts`, every text too (the abuse simulation counts them by destination). Nothing
// is written anywhere; numbers and codes leave with the process.
import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

/** One text the stub accepted: where to, when (performance.now()), and its code. */
export type StubText = { to: string; at: number; code: string | null };

export type TwilioStub = {
  /** TWILIO_BASE_URL for the app. */
  url: string;
  /** The last code texted to this E.164 number, forgotten once read. */
  takeCode: (to: string) => string | undefined;
  /** Messages accepted so far. */
  sent: () => number;
  /** Every text accepted, with `keepTexts` (else empty). */
  texts: StubText[];
  /** The code of the newest text to this number since `since`, waiting up to `timeoutMs`. */
  codeFor: (to: string, since: number, timeoutMs?: number) => Promise<string | null>;
  close: () => Promise<void>;
};

const MESSAGES = /^\/2010-04-01\/Accounts\/AC[0-9a-fA-F]{32}\/Messages\.json$/;

export async function startTwilioStub(options: { delayMs?: number; keepTexts?: boolean } = {}): Promise<TwilioStub> {
  const delayMs = options.delayMs ?? 150;
  const codes = new Map<string, string>();
  const texts: StubText[] = [];
  let sent = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const form = new URLSearchParams(Buffer.concat(chunks).toString());
      const to = form.get("To");
      // The code ends the text as "@host #123456" (origin-bound one-time code), or stands alone.
      const body = form.get("Body") ?? "";
      const code = /#(\d{6})\s*$/.exec(body)?.[1] ?? body.match(/\b\d{6}\b/g)?.pop();
      const ok = req.method === "POST" && MESSAGES.test(req.url ?? "") && to && code;
      setTimeout(() => {
        if (!ok) {
          res.writeHead(400, { "content-type": "application/json" });
          res.end(JSON.stringify({ code: 21602, message: "Message body is required." }));
          return;
        }
        codes.set(to, code);
        if (options.keepTexts) texts.push({ to, at: performance.now(), code });
        sent++;
        res.writeHead(201, { "content-type": "application/json" });
        res.end(JSON.stringify({ sid: `SM${randomBytes(16).toString("hex")}`, status: "queued" }));
      }, delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    takeCode: (to) => {
      const code = codes.get(to);
      codes.delete(to);
      return code;
    },
    sent: () => sent,
    texts,
    codeFor: async (to, since, timeoutMs = 10_000) => {
      const until = performance.now() + timeoutMs;
      while (performance.now() < until) {
        const text = texts.findLast((t) => t.to === to && t.at >= since);
        if (text) return text.code;
        await new Promise((r) => setTimeout(r, 25));
      }
      return null;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

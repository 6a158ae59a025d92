// A stand-in for Twilio's Messages API on loopback, for benchmarks: it answers every
// POST …/Messages.json after `delayMs` (the order of the real API) and keeps the last
// code texted to each number in memory, so a load generator can verify it. Nothing is
// written anywhere; numbers and codes leave with the process.
import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export type TwilioStub = {
  /** TWILIO_BASE_URL for the app. */
  url: string;
  /** The last code texted to this E.164 number, forgotten once read. */
  takeCode: (to: string) => string | undefined;
  /** Messages accepted so far. */
  sent: () => number;
  close: () => Promise<void>;
};

const MESSAGES = /^\/2010-04-01\/Accounts\/AC[0-9a-fA-F]{32}\/Messages\.json$/;

export async function startTwilioStub(options: { delayMs?: number } = {}): Promise<TwilioStub> {
  const delayMs = options.delayMs ?? 150;
  const codes = new Map<string, string>();
  let sent = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const form = new URLSearchParams(Buffer.concat(chunks).toString());
      const to = form.get("To");
      // The code is the text's last run of six digits (it ends "@host #123456").
      const code = (form.get("Body") ?? "").match(/\b\d{6}\b/g)?.pop();
      const ok = req.method === "POST" && MESSAGES.test(req.url ?? "") && to && code;
      setTimeout(() => {
        if (!ok) {
          res.writeHead(400, { "content-type": "application/json" });
          res.end(JSON.stringify({ code: 21602, message: "Message body is required." }));
          return;
        }
        codes.set(to, code);
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
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

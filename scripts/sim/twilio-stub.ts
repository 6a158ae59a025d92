import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** One text the stub accepted: where to, when, and the code it carried (kept in memory only). */
export type StubText = { to: string; at: number; code: string | null };

/**
 * A local stand-in for api.twilio.com's Messages API (POST …/Messages.json, form body):
 * accepts every message, sends nothing, and keeps what it got so a simulated customer
 * can read its code. Numbers stay in this process's memory, never on disk.
 */
export async function startTwilioStub(): Promise<{
  url: string;
  texts: StubText[];
  codeFor: (to: string, since: number, timeoutMs?: number) => Promise<string | null>;
  close: () => Promise<void>;
}> {
  const texts: StubText[] = [];
  let sid = 0;
  const server: Server = createServer((req, res) => {
    let raw = "";
    req.on("data", (d: Buffer) => (raw += d.toString()));
    req.on("end", () => {
      const form = new URLSearchParams(raw);
      const to = form.get("To");
      if (req.method !== "POST" || !to || !req.url?.endsWith("/Messages.json")) {
        res.writeHead(404, { "content-type": "application/json" }).end('{"code":20404,"message":"not found"}');
        return;
      }
      // The code ends the text as "@host #123456" (origin-bound one-time code), or stands alone.
      const body = form.get("Body") ?? "";
      const code = /#(\d{6})\s*$/.exec(body)?.[1] ?? /\b(\d{6})\b/.exec(body)?.[1] ?? null;
      texts.push({ to, at: performance.now(), code });
      const answer = { sid: `SM${String(++sid).padStart(32, "0")}`, status: "queued" };
      res.writeHead(201, { "content-type": "application/json" }).end(JSON.stringify(answer));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  async function codeFor(to: string, since: number, timeoutMs = 10_000): Promise<string | null> {
    const until = performance.now() + timeoutMs;
    while (performance.now() < until) {
      const text = texts.findLast((t) => t.to === to && t.at >= since);
      if (text) return text.code;
      await new Promise((r) => setTimeout(r, 25));
    }
    return null;
  }

  return {
    url,
    texts,
    codeFor,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

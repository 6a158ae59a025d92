import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A real HTTP server in front of a lean listener (lib/http/lean-server.ts), every request
 * from `ip`: the listener's own requests answered by it, the rest recorded in
 * `fellThrough` (Next.js's to answer) and answered 418.
 */
export async function leanTestServer(lean: (req: IncomingMessage, res: ServerResponse) => boolean, ip: string) {
  const fellThrough: string[] = [];
  const server = createServer((req, res) => {
    req.headers["x-forwarded-for"] = ip;
    if (lean(req, res)) return;
    fellThrough.push(`${req.method} ${req.url}`);
    res.writeHead(418).end();
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    fellThrough,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

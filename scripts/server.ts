// The HTTP server: Next.js behind a thin Node server that owns X-Forwarded-For, so
// per-IP rate limits see the real client address (see lib/http/forwarded.ts).
import { createServer } from "node:http";
import path from "node:path";
import next from "next";
import { getConfig } from "@/lib/config";
import { trustedForwardedFor } from "@/lib/http/forwarded";
import { log } from "@/lib/log";

const root = path.resolve(__dirname, "..");
const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "0.0.0.0";

async function main() {
  const config = getConfig();
  const app = next({ dev, dir: root, hostname: host, port });
  const handle = app.getRequestHandler();
  await app.prepare();
  const server = createServer((req, res) => {
    req.headers["x-forwarded-for"] = trustedForwardedFor(req.headers["x-forwarded-for"], req.socket.remoteAddress, config.trustProxyHops);
    void handle(req, res);
  });
  server.listen(port, host, () => {
    console.log(`Exposure Check ready on http://localhost:${port} (${config.lookupMode} mode, ${config.embeddedDb ? "embedded" : "external"} database)`);
  });
  const shutdown = () => {
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.on("SIGTERM", shutdown);
  process.on("SIGINT", shutdown);
}

main().catch((e) => {
  log.error({ err: e }, "server failed to start");
  process.exit(1);
});

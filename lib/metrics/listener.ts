// GET /metrics on a listener of its own (METRICS_PORT, METRICS_HOST), never on the
// public one. Under node:cluster the primary answers with every app process's metrics
// aggregated (prom-client's AggregatorRegistry), so one scrape sees the whole node.
import { createHash, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import { AggregatorRegistry } from "prom-client";
import { log } from "@/lib/log";
import { collectProcessMetrics } from "@/lib/metrics/collectors";
import { metrics } from "@/lib/metrics/registry";

export type MetricsSettings = { port: number; host: string; token: string | undefined };

/**
 * Where this process stands: "single" serves its own metrics; under node:cluster the
 * "primary" serves the aggregate and each "worker" answers the primary's requests.
 */
export type MetricsRole = "single" | "primary" | "worker";

const digest = (s: string) => createHash("sha256").update(s).digest();

/** The bearer token matches, compared in constant time (digests have one length). */
export function bearerMatches(header: string | undefined, token: string): boolean {
  const given = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header ?? "")?.[1] ?? "";
  return timingSafeEqual(digest(given), digest(token)) && given.length > 0;
}

/**
 * Sets this process's part up; for "single" and "primary" resolves with the listening
 * server (null when METRICS_PORT is unset, or for a worker). Rejects when it cannot listen.
 */
export async function startMetrics(settings: MetricsSettings | null, role: MetricsRole): Promise<Server | null> {
  if (!settings) return null;
  if (role !== "primary") collectProcessMetrics();
  if (role === "worker") {
    AggregatorRegistry.setRegistries(metrics().registry);
    new AggregatorRegistry(); // answers the primary's requests for this process's metrics
    return null;
  }
  const source =
    role === "primary"
      ? (() => {
          const aggregate = new AggregatorRegistry();
          return { text: () => aggregate.clusterMetrics(), contentType: aggregate.contentType };
        })()
      : { text: () => metrics().registry.metrics(), contentType: metrics().registry.contentType };
  return listen(settings, source);
}

function listen(settings: MetricsSettings, source: { text: () => Promise<string>; contentType: string }) {
  const server = createServer((req: IncomingMessage, res) => {
    const path = (req.url ?? "").split("?", 1)[0];
    if (path !== "/metrics") return void res.writeHead(404, { "content-length": 0 }).end();
    if (req.method !== "GET" && req.method !== "HEAD")
      return void res.writeHead(405, { allow: "GET, HEAD", "content-length": 0 }).end();
    if (settings.token !== undefined && !bearerMatches(req.headers.authorization, settings.token)) {
      return void res.writeHead(401, { "www-authenticate": 'Bearer realm="metrics"', "content-length": 0 }).end();
    }
    source.text().then(
      (body) => {
        res.writeHead(200, {
          "content-type": source.contentType,
          "cache-control": "no-store",
          "content-length": Buffer.byteLength(body),
        });
        res.end(req.method === "HEAD" ? undefined : body);
      },
      (err: unknown) => {
        log.error({ err }, "metrics could not be collected");
        res.writeHead(500, { "content-length": 0 }).end();
      },
    );
  });
  return new Promise<Server>((resolve, reject) => {
    server.once("error", reject);
    server.listen(settings.port, settings.host, () => {
      server.off("error", reject);
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : settings.port;
      log.info({ host: settings.host, port }, `metrics on http://${settings.host}:${port}/metrics`);
      resolve(server);
    });
  });
}

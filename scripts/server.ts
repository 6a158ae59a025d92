// The HTTP server: Next.js behind a thin Node server that owns X-Forwarded-For, so
// per-IP rate limits see the real client address (see lib/http/forwarded.ts). It also
// logs every request, answers the integration lookup and the check API itself
// (lib/http/lean-server.ts), runs WEB_CONCURRENCY processes (node:cluster), with
// LOOKUP_PORT lookup-only processes beside them (docs/adr/0021-lookup-isolation.md), and
// shuts down gracefully on SIGTERM/SIGINT.
import "@/scripts/server-process";
import cluster from "node:cluster";
import { createHmac } from "node:crypto";
import { readFileSync } from "node:fs";
import { createServer, type Server, type ServerResponse } from "node:http";
import path from "node:path";
import next from "next";
import { createApiDeps } from "@/lib/api-keys/deps";
import { flushAuditSinks } from "@/lib/audit/batch";
import { ConfigError, getConfig, type Config } from "@/lib/config";
import { closeDb, getDb } from "@/lib/db/client";
import { startCheckAnswer, verifyCheckAnswer } from "@/lib/http/check-endpoints";
import { exposuresAnswer } from "@/lib/http/exposures-endpoint";
import { leanChecks, leanExposures } from "@/lib/http/lean-server";
import { trustedForwardedFor } from "@/lib/http/forwarded";
import { lookupOnly } from "@/lib/http/lookup-only";
import { logRequest } from "@/lib/http/request-log";
import { createShedder } from "@/lib/http/shed";
import { contentVersion, customerPage, settingsChanged } from "@/lib/http/customer-pages";
import { createPageCache } from "@/lib/http/page-cache";
import { databasePages, pageScope } from "@/lib/http/shared-pages";
import { CACHE_MS as CARRIER_CACHE_MS } from "@/lib/settings/carrier";
import { getSql } from "@/lib/db/sql";
import { splitLocalePath } from "@/lib/i18n/locale";
import { startImportSweeps } from "@/lib/imports/sweeps";
import { log } from "@/lib/log";
import { startMetrics } from "@/lib/metrics/listener";
import { isDraining, markDraining } from "@/lib/ops/draining";
import { flushPendingWrites } from "@/lib/ops/pending-writes";
import { lowerPriority } from "@/lib/ops/priority";
import { unsafeProductionSettings } from "@/lib/ops/unsafe-settings";
import { createServices, route } from "@/lib/services";

const root = path.resolve(__dirname, "..");
const dev = process.argv.includes("--dev");
/** How long requests in flight may take to finish after SIGTERM before they are cut. */
const DRAIN_TIMEOUT_MS = 10_000;
/** Set by the primary on the processes it forks to serve LOOKUP_PORT only. */
const ROLE = "EXPOSURE_CHECK_PROCESS_ROLE";
type Role = "app" | "lookup";

function loadConfig(): Config {
  try {
    return getConfig();
  } catch (e) {
    // One line per bad variable, no stack trace (the launcher checks first; this is for
    // running the server on its own).
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(1);
    }
    throw e;
  }
}

async function main() {
  const config = loadConfig();
  warnUnsafeSettings(config);
  const processes = dev ? 1 : config.webConcurrency;
  const lookups = dev ? null : config.lookupIsolation;
  if (cluster.isPrimary && (processes > 1 || lookups)) return supervise(processes, lookups?.processes ?? 0, config);
  if (process.env[ROLE] === "lookup") return serveLookups(config);
  return serve(config);
}

/** METRICS_PORT that cannot be listened on stops the start, as PORT does. */
function metricsFailed(err: unknown) {
  log.fatal({ err }, "cannot serve metrics");
  process.exit(1);
}

/** Once per start (in the primary, or the only process): demo settings on a production site. */
function warnUnsafeSettings(config: Config) {
  if (cluster.isWorker) return;
  if (!config.admin.mfaRequired) {
    log.warn("ADMIN_MFA=off: console users sign in with a password alone. Use this for local demos only.");
  }
  const unsafe = unsafeProductionSettings(config);
  if (unsafe.length === 0) return;
  log.error({ settings: unsafe }, `NOT FOR PRODUCTION: ${unsafe.join(", ")} under NODE_ENV=production`);
}

/**
 * The primary of WEB_CONCURRENCY app processes sharing the port, and of `lookups`
 * lookup-only processes sharing LOOKUP_PORT: it serves nothing, replaces a process that
 * dies, and on SIGTERM/SIGINT lets each one drain, then exits.
 */
function supervise(processes: number, lookups: number, config: Config) {
  startMetrics(config.metrics, "primary").catch(metricsFailed);
  // Each process accepts its own connections (ADR 37). Under round-robin the primary hands
  // each new connection to a worker and waits for that worker's busy loop to take it, one
  // at a time: a crowd's new connections queued for seconds before a fast 503 could answer.
  // Node's own NODE_CLUSTER_SCHED_POLICY=rr still chooses round-robin.
  if (!process.env.NODE_CLUSTER_SCHED_POLICY) cluster.schedulingPolicy = cluster.SCHED_NONE;
  let stopping = false;
  const started = new Map<number, { at: number; role: Role }>();
  const fork = (role: Role) => started.set(cluster.fork({ [ROLE]: role }).id, { at: Date.now(), role });
  for (let i = 0; i < lookups; i++) fork("lookup");
  for (let i = 0; i < processes; i++) fork("app");
  log.info({ processes, lookups }, "app processes started");

  cluster.on("exit", (worker, code, signal) => {
    const { at, role } = started.get(worker.id) ?? { at: 0, role: "app" as const };
    const uptime = Date.now() - at;
    started.delete(worker.id);
    if (code) process.exitCode = code;
    if (stopping) {
      if (started.size === 0) process.exit();
      return;
    }
    // One that dies at once would only die again: stop rather than loop.
    if (uptime < 10_000) {
      log.fatal({ code, signal }, "an app process exited while starting; stopping");
      stopping = true;
      for (const w of Object.values(cluster.workers ?? {})) w?.process.kill("SIGTERM");
      process.exitCode = 1;
      if (started.size === 0) process.exit();
      return;
    }
    log.error({ code, signal, role }, "an app process died; starting another");
    fork(role);
  });
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    // A terminal's Ctrl-C already reached the whole group; a supervisor's SIGTERM did not.
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill(signal);
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}

/** The integration lookup alone, on LOOKUP_PORT: no Next.js in this process. */
async function serveLookups(config: Config) {
  const { port } = config.lookupIsolation!;
  const { host } = config.listen;
  await startMetrics(config.metrics, "worker").catch(metricsFailed);
  const api = createApiDeps(config);
  const production = config.env === "production";
  const handle = lookupOnly(
    leanExposures((req) => exposuresAnswer(api, req), { production, trustProxyHops: config.trustProxyHops }),
    { production },
  );
  const inFlight = new Set<ServerResponse>();
  const server = createServer((req, res) => {
    logRequest(req, res, log);
    inFlight.add(res);
    res.once("close", () => inFlight.delete(res));
    if (isDraining()) res.setHeader("connection", "close");
    handle(req, res);
  });
  listen(server, port, host, "Exposure Check lookups ready");
  onStop(server, inFlight, async () => {});
}

async function serve(config: Config) {
  const { port, host } = config.listen;
  // First, so the threads started from here on inherit it.
  if (config.lookupIsolation && cluster.isWorker) {
    const priority = lowerPriority(config.lookupIsolation.pageNiceness);
    if ("error" in priority) log.warn({ err: priority.error }, "cannot lower the page processes' priority");
  }
  await startMetrics(config.metrics, cluster.isWorker ? "worker" : "single").catch(metricsFailed);
  const app = next({ dev, dir: root, hostname: host, port });
  const handle = app.getRequestHandler();
  await app.prepare();
  // The lookup and the check API, ahead of Next.js (ADR 12, ADR 42), on the server's own
  // services (Next.js holds separate copies of lib/ modules), built before the process
  // listens so that no request waits on their making.
  const services = createServices();
  const lean = leanExposures((req) => exposuresAnswer(services.api, req), {
    production: config.env === "production",
    trustProxyHops: config.trustProxyHops,
  });
  const checks = leanChecks(
    {
      start: route.endpoint((ctx) => startCheckAnswer(services, ctx)).answer,
      verify: route.endpoint<{ checkId: string }>((ctx) => verifyCheckAnswer(services, ctx)).answer,
    },
    { production: config.env === "production" },
  );

  // Not under `next dev`, whose on-demand compiles hold the event loop.
  const shed = createShedder(dev ? null : config.shed, { production: config.env === "production" });

  // The shared customer pages, rendered once per locale (ADR 30); not under `next dev`.
  const pages =
    config.pageCache && !dev
      ? createPageCache({
          ...config.pageCache,
          shared: (p) => {
            const { locale, path: page } = splitLocalePath(p);
            return locale !== null && customerPage(page)?.shared === true;
          },
          origin: () => loopbackOf(server, port),
          // Shared by every process of the node (a render may reach another), never sent out.
          renderToken: createHmac("sha256", config.keys.current.secret).update("page-cache-render").digest("base64url"),
          contentVersion: contentVersion(getSql()),
          store: { pages: databasePages(getSql()), scope: pageScope(buildId(), config) },
          // Carrier settings are cached per process: after they change, pages rendered
          // before every cache has let go of the old ones are not kept.
          settleMs: CARRIER_CACHE_MS,
          unsettles: settingsChanged,
          onError: (err, what) => log.error({ err }, `${what} failed`),
        })
      : null;

  const inFlight = new Set<ServerResponse>();
  const server = createServer((req, res) => {
    logRequest(req, res, log);
    const page = pages?.classify(req) ?? { kind: "other" as const };
    const toApp = () => void handle(req, res);
    // A cached page costs less than the 503 would: served before shedding. The cache's
    // own render is never shed (one per page at a time); a miss is, like any request.
    if (page.kind === "page" && page.hit) return pages!.serve(req, res, page.path, toApp);
    if (page.kind !== "render" && shed(req, res)) return;
    inFlight.add(res);
    res.once("close", () => inFlight.delete(res));
    // While draining, each response is the connection's last.
    if (isDraining()) res.setHeader("connection", "close");
    req.headers["x-forwarded-for"] = trustedForwardedFor(
      req.headers["x-forwarded-for"],
      req.socket.remoteAddress,
      config.trustProxyHops,
    );
    if (page.kind === "page") return pages!.serve(req, res, page.path, toApp);
    if (!lean(req, res) && !checks(req, res)) void handle(req, res);
  });
  // Abandoned uploads and undone rows past their window go even when no one uploads.
  startImportSweeps(getDb(), config.imports.restoreWindowHours);
  listen(server, port, host, "Exposure Check ready", {
    mode: config.lookupMode,
    database: config.embeddedDb ? "embedded" : "external",
  });
  onStop(server, inFlight, () => app.close());
}

/** The build's id: its pages reference its own script files, so builds never share a page. */
function buildId(): string {
  return readFileSync(path.join(root, ".next", "BUILD_ID"), "utf8").trim();
}

/** Where this process can reach itself: the bound address, or loopback for a wildcard one. */
function loopbackOf(server: Server, port: number): { host: string; port: number } {
  const address = server.address();
  if (!address || typeof address === "string") return { host: "127.0.0.1", port };
  const wildcard = address.address === "0.0.0.0" || address.address === "::";
  return { host: wildcard ? (address.family === "IPv6" ? "::1" : "127.0.0.1") : address.address, port: address.port };
}

function listen(server: Server, port: number, host: string, ready: string, fields: object = {}) {
  server.on("error", (err) => {
    log.fatal({ err }, `cannot listen on ${host}:${port}`);
    process.exit(1);
  });
  server.listen(port, host, () => log.info({ port, host, ...fields }, `${ready} on http://localhost:${port}`));
}

/** On SIGTERM/SIGINT: no new connections, requests in flight finish (bounded), then exit. */
function onStop(server: Server, inFlight: Set<ServerResponse>, closeApp: () => Promise<void>) {
  let stopping = false;
  const shutdown = async (signal: NodeJS.Signals) => {
    // The launcher forwards the signal the terminal already sent to the whole group.
    if (stopping) return;
    stopping = true;
    markDraining();
    log.info(
      { signal, inFlight: inFlight.size },
      "shutting down: no new connections, letting requests in flight finish",
    );
    for (const res of inFlight) if (!res.headersSent) res.setHeader("connection", "close");
    // Last resort if closing itself hangs (a stuck database pool).
    setTimeout(() => {
      log.error("shutdown did not complete; exiting anyway");
      process.exit(1);
    }, DRAIN_TIMEOUT_MS + 5_000).unref();

    const drained = await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => {
        log.warn(
          { inFlight: inFlight.size },
          `requests still in flight after ${DRAIN_TIMEOUT_MS} ms: closing their connections`,
        );
        server.closeAllConnections();
        resolve(false);
      }, DRAIN_TIMEOUT_MS);
      server.close(() => {
        clearTimeout(timer);
        resolve(true);
      });
      server.closeIdleConnections();
    });
    await closeApp().catch((err: unknown) => log.warn({ err }, "next did not close cleanly"));
    await flushAuditSinks();
    await flushPendingWrites();
    await closeDb();
    log.info({ drained }, "stopped");
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

main().catch((e) => {
  log.fatal({ err: e }, "server failed to start");
  process.exit(1);
});

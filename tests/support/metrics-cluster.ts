// A node:cluster of two processes serving metrics as scripts/server.ts does, for
// tests/lib/metrics/listener.test.ts: each worker counts its own checks, the primary
// prints its metrics port once both have, and serves the aggregate.
import cluster from "node:cluster";
import type { AddressInfo } from "node:net";
import { startMetrics } from "@/lib/metrics/listener";
import { countCheckStarted } from "@/lib/metrics/registry";

const settings = { port: 0, host: "127.0.0.1", token: "test-metrics-token-0123" };

if (cluster.isPrimary) {
  void startMetrics(settings, "primary").then((server) => {
    let ready = 0;
    for (let i = 0; i < 2; i++)
      cluster.fork({ STARTS: String(3 + i) }).on("message", (m) => {
        if (m === "counted" && ++ready === 2) console.log(`port ${(server!.address() as AddressInfo).port}`);
      });
  });
  process.on("SIGTERM", () => process.exit(0));
} else {
  void startMetrics(settings, "worker").then(() => {
    for (let i = 0; i < Number(process.env.STARTS); i++) countCheckStarted();
    process.send!("counted");
  });
}

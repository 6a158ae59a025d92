import { readFile } from "node:fs/promises";
import path from "node:path";

/**
 * The ALTCHA widget's PBKDF2 worker, served from our own origin so the page's CSP
 * (proxy.ts: worker-src 'self') admits it without allowing blob: workers. Read from the
 * installed package, so it always matches the widget's version.
 */
const WORKER = path.join(process.cwd(), "node_modules", "altcha", "dist", "workers", "pbkdf2.js");

let source: Promise<string> | undefined;

export async function GET(): Promise<Response> {
  source ??= readFile(WORKER, "utf8");
  return new Response(await source, {
    headers: { "content-type": "text/javascript; charset=utf-8", "cache-control": "public, max-age=3600" },
  });
}

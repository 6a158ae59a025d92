// Request metrics carry the route pattern: every page and route of the app has one, and a
// path's variable parts (a phone number, an id) never reach a label.
import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROUTE_PATTERNS, routePattern } from "@/lib/metrics/routes";

const app = path.resolve(__dirname, "../../../app");

/** Every page.tsx and route.ts under app/, as the URL pattern Next.js serves it at. */
function appRoutes(dir = app, prefix = ""): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      // Route groups "(name)" add no segment.
      const segment = /^\(.*\)$/.test(entry.name) ? "" : `/${entry.name}`;
      out.push(...appRoutes(path.join(dir, entry.name), prefix + segment));
    } else if (/^(page\.tsx|route\.ts)$/.test(entry.name)) out.push(prefix || "/");
  }
  return out;
}

describe("routePattern", () => {
  it("knows every page and route under app/, with its dynamic segments filled in", () => {
    const routes = appRoutes();
    expect(routes.length).toBeGreaterThan(20);
    for (const route of routes) {
      const example = route.replace(/\[\w+\]/g, "x7");
      expect([route, routePattern(example)]).toEqual([route, route]);
      expect(ROUTE_PATTERNS).toContain(route);
    }
  });

  it("never gives back a number, an id or a query string from the path", () => {
    expect(routePattern("/api/v1/exposures/%2B12065550100")).toBe("/api/v1/exposures/[phone]");
    expect(routePattern("/api/v1/exposures/[redacted]")).toBe("/api/v1/exposures/[phone]");
    expect(routePattern("/api/v1/checks/3f1c9a7e-1b2c-4d5e-8f90-123456789abc/verify")).toBe(
      "/api/v1/checks/[checkId]/verify",
    );
    expect(routePattern("/admin/lookup?phone=2065550100")).toBe("/admin/lookup");
    expect(routePattern("/admin/incidents/new")).toBe("/admin/incidents/new");
    expect(routePattern("/admin/incidents/2021-08-cyberattack")).toBe("/admin/incidents/[slug]");
    expect(routePattern("/_next/static/chunks/app-4f2a.js")).toBe("/_next/static/[file]");
    for (const unknown of ["/2065550100", "/api/v1/exposures/1/2", "/API/v1/checks", "/admin/"])
      expect(routePattern(unknown)).toBe("other");
  });
});

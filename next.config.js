// @ts-check
/**
 * Static security headers (lib/http/security-headers.json, also sent by the lean lookup
 * path in lib/http/lean-server.ts); the nonce-based CSP is set per request in proxy.ts.
 * Referrer-Policy is same-origin, not no-referrer: a no-JS form post must carry its Origin
 * for the server-action CSRF check, and nothing leaves for other sites either way.
 */
const { always, production } = require("./lib/http/security-headers.json");
const securityHeaders = [...always, ...(process.env.NODE_ENV === "production" ? production : [])];

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // `npm test` type-checks the whole tree; skipping it here keeps the first `npm start` short.
  typescript: { ignoreBuildErrors: true },
  // forbidden(): a real 403 (app/forbidden.tsx) for a console role without a permission.
  experimental: { authInterrupts: true },
  serverExternalPackages: ["pino", "@electric-sql/pglite", "@node-rs/argon2"],
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

module.exports = nextConfig;

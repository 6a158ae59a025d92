// @ts-check
/** Static security headers; the nonce-based CSP is set per request in proxy.ts. */
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  // same-origin, not no-referrer: a no-JS form post must carry its Origin for the
  // server-action CSRF check, and nothing leaves for other sites either way.
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), interest-cohort=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  ...(process.env.NODE_ENV === "production"
    ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains; preload" }]
    : []),
];

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

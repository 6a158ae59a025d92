import { defineConfig } from "prisma/config";

// Prisma's Rust engines cannot be downloaded where the app is built: the CLI runs its JS
// (wasm) schema engine over a driver adapter instead. See
// docs/adr/0013-embedded-postgres-own-server.md.
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  async adapter() {
    if (process.env.PRISMA_DIFF) {
      // `npm run db:diff`: replay migrations on a throwaway in-memory PostgreSQL.
      const { diffAdapter } = await import("./scripts/prisma-diff-adapter");
      // The PGlite adapter is typed against an older driver-adapter-utils; same shape.
      return diffAdapter() as never;
    }
    const { PrismaPg } = await import("@prisma/adapter-pg");
    // allowExitOnIdle: an idle pooled socket would otherwise hold every CLI ~10 s after its work.
    return new PrismaPg({ connectionString: process.env.DATABASE_URL, allowExitOnIdle: true });
  },
});

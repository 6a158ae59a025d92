// Adapter for `npm run db:diff` only: an in-memory PGlite on which Prisma replays the
// migration history to diff it against the schema. The published adapter runs scripts
// without awaiting them and sends multi-statement SQL through query(); both are patched
// here so whole migration files run.
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";

export function diffAdapter() {
  const main = new PGlite();
  const shadow = new PGlite();
  const patch = async <T extends object>(pglite: PGlite, adapter: T): Promise<T> => {
    const a = adapter as unknown as {
      executeScript: (s: string) => Promise<void>;
      executeRaw: (q: { sql: string; args: unknown[] }) => Promise<number>;
    };
    const raw = a.executeRaw.bind(a);
    a.executeScript = async (script) => {
      await pglite.exec(script);
    };
    a.executeRaw = async (q) => {
      if (q.args.length === 0) {
        await pglite.exec(q.sql);
        return 0;
      }
      return raw(q);
    };
    return adapter;
  };
  const factory = new PrismaPGlite(main);
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => patch(main, await factory.connect()),
    connectToShadowDb: async () => patch(shadow, await new PrismaPGlite(shadow).connect()),
  };
}

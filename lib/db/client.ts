import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client.ts";
import { getConfig } from "@/lib/config";

export type Db = PrismaClient;

const globalForDb = globalThis as unknown as { exposureDb?: PrismaClient };

/**
 * One Prisma client per process (kept on globalThis so dev reloads don't leak pools).
 * The embedded database's socket server takes a few connections at most: keep the pool small.
 */
export function getDb(): PrismaClient {
  if (!globalForDb.exposureDb) {
    const config = getConfig();
    const adapter = new PrismaPg({
      connectionString: config.databaseUrl,
      max: config.embeddedDb ? 4 : 10,
    });
    globalForDb.exposureDb = new PrismaClient({ adapter });
  }
  return globalForDb.exposureDb;
}

export async function closeDb(): Promise<void> {
  await globalForDb.exposureDb?.$disconnect();
  globalForDb.exposureDb = undefined;
}

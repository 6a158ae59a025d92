import type { Prisma } from "@/generated/prisma/client.ts";
import type { Db } from "@/lib/db/client";
import type { Keyring } from "@/lib/hashing/keyring";
import {
  DEMO_CATEGORIES,
  DEMO_CODES_PER_GROUP,
  DEMO_INCIDENT,
  DEMO_NUMBERS,
  demoCode,
} from "@/lib/incidents/demo-data";
import { CATEGORY_FIELDS } from "@/lib/incidents/schemas";
import { codeDigest, sealCode } from "@/lib/offers/codes";

/** Serializes seeding between app nodes starting at once on one database. */
const SEED_LOCK = 7_365_002;

/**
 * Seeds the demo incident and numbers when there is no incident at all. Every start
 * calls it: nodes starting together on an empty PostgreSQL take turns under a lock, and
 * only the first finds the database empty.
 */
export async function seedDemoIfEmpty(db: Db, keyring: Keyring): Promise<boolean> {
  if ((await db.incident.count()) > 0) return false;
  const seeded = await seedUnderLock(db, keyring);
  // After the seed's transaction, by the node that seeded: the other nodes' transactions
  // wait for that one (on the embedded database, even to begin), so it stays as short as it was.
  if (seeded) await seedDemoCodes(db, keyring);
  return seeded;
}

/** A small pool per demo group, so the demo hands out codes (and shows a pool running low). */
async function seedDemoCodes(db: Db, keyring: Keyring): Promise<void> {
  const categories = await db.category.findMany({
    where: { incident: { slug: DEMO_INCIDENT.slug } },
    select: { id: true, slug: true },
  });
  await db.offerCode.createMany({
    data: categories.flatMap((c) =>
      Array.from({ length: DEMO_CODES_PER_GROUP }, (_, n) => {
        const code = demoCode(c.slug, n + 1);
        const { sealed, version } = sealCode(keyring, c.id, code);
        return {
          categoryId: c.id,
          codeDigest: new Uint8Array(codeDigest(keyring, code)),
          sealedCode: new Uint8Array(sealed),
          sealVersion: version,
        };
      }),
    ),
    skipDuplicates: true,
  });
}

function seedUnderLock(db: Db, keyring: Keyring): Promise<boolean> {
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SEED_LOCK})`;
      // Read after the lock: a node that seeded meanwhile has committed by now.
      if ((await tx.incident.count()) > 0) return false;
      const { es, ...en } = DEMO_INCIDENT;
      const incident = await tx.incident.create({ data: en });
      // The text is published version 1 in both languages (docs/adr/0027, 0028).
      const v1 = (categoryId: number | null, body: object) =>
        tx.contentVersion.create({
          data: {
            incidentId: incident.id,
            categoryId,
            version: 1,
            status: "published",
            body: JSON.parse(JSON.stringify(body)) as Prisma.InputJsonObject,
            editedBy: [],
            editorEmail: "demo seed",
            publishedBy: "demo seed",
            publishedAt: new Date(),
          },
        });
      await v1(null, {
        disclosedAt: en.disclosedAt.toISOString().slice(0, 10),
        text: { en: { title: en.title, summary: en.summary }, es },
      });
      const categories = new Map<string, number>();
      for (const [i, { es: esText, ...c }] of DEMO_CATEGORIES.entries()) {
        const text = { ...c, dataExposed: [...c.dataExposed], remediation: [...c.remediation] };
        const row = await tx.category.create({ data: { ...text, sortOrder: i, incidentId: incident.id } });
        // The version holds the translatable text only (CATEGORY_FIELDS); the offer and
        // the ID-number flag are the row's, shared by every locale.
        const enText = Object.fromEntries(Object.keys(CATEGORY_FIELDS).map((k) => [k, text[k as keyof typeof text]]));
        await v1(row.id, { sortOrder: i, text: { en: enText, es: esText } });
        categories.set(c.slug, row.id);
      }
      const batch = await tx.importBatch.create({
        data: { source: "demo seed", status: "completed", keyVersion: keyring.current.version, finishedAt: new Date() },
      });
      const rows = DEMO_NUMBERS.flatMap((n) =>
        n.categories.map((slug) => {
          const { hash, version } = keyring.hash(n.e164);
          return {
            phoneHash: new Uint8Array(hash),
            keyVersion: version,
            categoryId: categories.get(slug)!,
            batchId: batch.id,
          };
        }),
      );
      await tx.affectedAccount.createMany({ data: rows });
      await tx.importBatch.update({ where: { id: batch.id }, data: { rows: rows.length, imported: rows.length } });
      return true;
    },
    { timeout: 30_000 },
  ); // includes the wait for another node's seed
}

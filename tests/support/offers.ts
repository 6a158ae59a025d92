import { getDb } from "@/lib/db/client";
import type { ExposureResult } from "@/lib/exposures/types";
import { noticePath, remediationPath } from "@/lib/incidents/paths";
import { CLI_ACTOR } from "@/lib/audit/record";
import { importOfferCodes } from "@/lib/offers/import-codes";
import { testKeyring } from "@/tests/support/deps";
import { uniqueTag } from "@/tests/support/unique-tag";

/** A fresh incident with one group that carries an offer, and `codes` codes in its pool. */
export async function offerPool(codes: number, opts: { exposesIdNumbers?: boolean } = {}) {
  const tag = uniqueTag();
  const incident = await getDb().incident.create({
    data: {
      slug: `i-${tag}`,
      title: `Incident ${tag}`,
      disclosedAt: new Date("2026-01-02T00:00:00Z"),
      summary: "Summary.",
      categories: {
        create: {
          slug: "group",
          name: `Group ${tag}`,
          dataExposed: ["Name"],
          remediation: ["Step."],
          exposesIdNumbers: opts.exposesIdNumbers ?? false,
          offerProvider: "Shield Co",
          offerMonths: 24,
          offerEnrollUrl: "https://shield.example/enrol",
          offerInstructions: "Enter the code.",
        },
      },
    },
  });
  const list = Array.from({ length: codes }, (_, i) => `${tag.toUpperCase()}-${String(i).padStart(4, "0")}`);
  if (codes > 0)
    await importOfferCodes({ db: getDb(), keyring: testKeyring() }, incident.slug, "group", list.join("\n"), {
      actor: CLI_ACTOR,
    });
  return { incident: incident.slug, category: "group", codes: list };
}

/** What findExposures answers for a number in the pool's group (no code yet). */
export function resultIn(pool: { incident: string; category: string }, phone: string): ExposureResult {
  return {
    phone,
    affected: true,
    exposures: [
      {
        incident: { slug: pool.incident, title: "t", disclosedAt: "2026-01-02" },
        category: { slug: pool.category, name: "g", dataExposed: ["Name"] },
        remediationUrl: remediationPath(pool.incident, pool.category),
        noticeUrl: noticePath(pool.incident),
        offer: {
          provider: "Shield Co",
          durationMonths: 24,
          enrollUrl: "https://shield.example/enrol",
          instructions: "",
        },
      },
    ],
  };
}

/** Records a number as affected in the pool's group (a completed batch of one row). */
export async function affect(pool: { incident: string; category: string }, e164: string): Promise<void> {
  const db = getDb();
  const cat = await db.category.findFirstOrThrow({ where: { slug: pool.category, incident: { slug: pool.incident } } });
  const batch = await db.importBatch.create({ data: { source: "offer test", status: "completed" } });
  const { hash, version } = testKeyring().hash(e164);
  await db.affectedAccount.create({
    data: { phoneHash: new Uint8Array(hash), keyVersion: version, categoryId: cat.id, batchId: batch.id },
  });
}

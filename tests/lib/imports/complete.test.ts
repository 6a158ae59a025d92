import { Client } from "pg";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { getConfig } from "@/lib/config";
import { getDb } from "@/lib/db/client";
import { getSql } from "@/lib/db/sql";
import { findExposures } from "@/lib/exposures/find-exposures";
import { completeBatch } from "@/lib/imports/complete";
import { MergeTransaction } from "@/lib/imports/merge";
import { SlicedStaging, stagingPrefix } from "@/lib/imports/staging";
import { TUPLE_BYTES } from "@/lib/imports/types";
import { testKeyring } from "@/tests/support/deps";
import { uniqueTag } from "@/tests/support/unique-tag";

const db = getDb();
const keyring = testKeyring();

/** Binary COPY tuples (phone_hash, category_id), as the workers make them. */
function tuples(numbers: string[], categoryId: number): Uint8Array {
  const out = Buffer.alloc(numbers.length * TUPLE_BYTES);
  numbers.forEach((e164, i) => {
    const at = i * TUPLE_BYTES;
    out.writeInt16BE(2, at);
    out.writeInt32BE(32, at + 2);
    keyring.hash(e164).hash.copy(out, at + 6);
    out.writeInt32BE(4, at + 38);
    out.writeInt32BE(categoryId, at + 42);
  });
  return out;
}

async function prepaidBatch() {
  const incident = await db.incident.findUniqueOrThrow({
    where: { slug: "2021-08-cyberattack" },
    include: { categories: true },
  });
  const categoryId = incident.categories.find((c) => c.slug === "prepaid")!.id;
  const batch = await db.importBatch.create({
    data: { source: `complete-${uniqueTag()}.csv`, incidentId: incident.id, categoryId, keyVersion: 2 },
  });
  return { batchId: batch.id, categoryId };
}

const affected = async (e164: string) => (await findExposures(getSql(), keyring, e164)).affected;
const stagingLeft = (batchId: number) =>
  db.$queryRawUnsafe<unknown[]>(
    `SELECT tablename FROM pg_tables WHERE starts_with(tablename, $1)`,
    stagingPrefix(batchId),
  );

describe("completing an import", () => {
  let client: Client;
  let mergeClient: Client;
  beforeEach(async () => {
    client = new Client({ connectionString: process.env.DATABASE_URL });
    mergeClient = new Client({ connectionString: process.env.DATABASE_URL });
    await Promise.all([client.connect(), mergeClient.connect()]);
  });
  afterEach(async () => {
    await Promise.all([client.end(), mergeClient.end()]);
  });

  /** Staging as the importer opens it on this store (COPY and overlapping merges on PostgreSQL). */
  function staging(batchId: number) {
    const useCopy = !getConfig().embeddedDb;
    const merge = new MergeTransaction(mergeClient, keyring.current.version, batchId);
    return new SlicedStaging(client, merge, { batchId, useCopy, overlap: useCopy, sliceRows: 2 });
  }

  it("merges what is staged, marks the batch completed with its figures, and drops its staging", async () => {
    const { batchId, categoryId } = await prepaidBatch();
    const numbers = ["+13605550140", "+13605550141", "+13605550142"];
    const stage = staging(batchId);
    // The first number twice: a duplicate within the file.
    await stage.write(tuples([numbers[0]!, numbers[1]!], categoryId));
    await stage.write(tuples([numbers[2]!, numbers[0]!], categoryId));
    expect(await affected(numbers[0]!)).toBe(false);

    const imported = await completeBatch(db, client, stage, {
      batchId,
      counts: { rows: 5, accepted: 4, rejected: 1, bytesRead: 80 },
      bytesTotal: 120,
      resumed: false,
      source: "prepaid-list.csv",
      actor: { id: null, email: "importer@example.com" },
    });
    expect(imported).toBe(3);
    const batch = await db.importBatch.findUniqueOrThrow({ where: { id: batchId } });
    expect(batch).toMatchObject({
      status: "completed",
      phase: "done",
      rows: 5,
      imported: 3,
      duplicates: 1,
      rejected: 1,
      bytesRead: 120n,
    });
    expect(batch.finishedAt).not.toBeNull();
    for (const n of numbers) expect(await affected(n)).toBe(true);
    expect(await stagingLeft(batchId)).toEqual([]);
    const entries = await db.auditLog.findMany({
      where: { action: "import_completed", details: { path: ["batchId"], equals: batchId } },
    });
    expect(entries).toMatchObject([
      {
        actorId: null,
        actorEmail: "importer@example.com",
        target: "prepaid-list.csv",
        details: { batchId, rows: 5, imported: 3, duplicates: 1, rejected: 1 },
      },
    ]);
  });

  it("counts every row of a resumed batch, those stored before it was interrupted included", async () => {
    const { batchId, categoryId } = await prepaidBatch();
    const before = keyring.hash("+13605550143");
    await db.affectedAccount.create({
      data: { phoneHash: new Uint8Array(before.hash), keyVersion: before.version, categoryId, batchId },
    });
    const stage = staging(batchId);
    // The file again: the row stored before is a duplicate now.
    await stage.write(tuples(["+13605550143", "+13605550144"], categoryId));
    const imported = await completeBatch(db, client, stage, {
      batchId,
      counts: { rows: 2, accepted: 2, rejected: 0, bytesRead: 40 },
      bytesTotal: 40,
      resumed: true,
      source: "prepaid-list.csv",
      actor: { id: null, email: "cli" },
    });
    expect(imported).toBe(2);
    expect(await db.importBatch.findUniqueOrThrow({ where: { id: batchId } })).toMatchObject({
      status: "completed",
      imported: 2,
      duplicates: 0,
    });
  });
});

// The content_version migration on a database that already has incidents: each incident
// and group's text becomes its published English version 1, and the page reads it.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { describe, expect, it } from "vitest";
import { readCategoryBody, readIncidentBody, resolveText } from "@/lib/incidents/content";

const dir = path.join(import.meta.dirname, "../../../prisma/migrations");
const MIGRATION = "20261201140500_content_versions";

describe("the content_version migration", () => {
  it("makes existing text published English version 1, additively", async () => {
    const folders = readdirSync(dir)
      .filter((f) => /^\d{14}_/.test(f))
      .sort();
    const db = new PGlite();
    try {
      for (const f of folders.filter((f) => f < MIGRATION))
        await db.exec(readFileSync(path.join(dir, f, "migration.sql"), "utf8"));
      await db.exec(`
        INSERT INTO incident (slug, title, disclosed_at, summary, updated_at)
          VALUES ('old', 'Old breach', '2020-03-04', 'It *happened*.', now());
        INSERT INTO category (incident_id, slug, name, data_exposed, remediation, sort_order)
          SELECT id, 'prepaid', 'Prepaid', ARRAY['Name','PIN'], ARRAY['Step one.','Step two.'], 2 FROM incident;
        INSERT INTO category (incident_id, slug, name, data_exposed, remediation, sort_order)
          SELECT id, 'empty', 'Empty', NULL, NULL, 3 FROM incident;`);
      await db.exec(readFileSync(path.join(dir, MIGRATION, "migration.sql"), "utf8"));

      const rows = (
        await db.query<{ category_id: number | null; version: number; status: string; body: unknown }>(
          "SELECT category_id, version, status::text, body FROM content_version ORDER BY category_id NULLS FIRST",
        )
      ).rows;
      expect(rows.map((r) => [r.version, r.status])).toEqual([
        [1, "published"],
        [1, "published"],
        [1, "published"],
      ]);
      const incident = readIncidentBody(rows[0]!.body);
      expect(incident).toEqual({
        disclosedAt: "2020-03-04",
        text: { en: { title: "Old breach", summary: "It *happened*." }, es: {} },
      });
      const group = readCategoryBody(rows[1]!.body);
      expect(group).toEqual({
        sortOrder: 2,
        text: {
          en: { name: "Prepaid", dataExposed: ["Name", "PIN"], remediation: ["Step one.", "Step two."] },
          es: {},
        },
      });
      // Spanish readers get the English text, and are told so.
      expect(resolveText(group.text, "es").fallbackFields).toEqual(["name", "dataExposed", "remediation"]);
      expect(readCategoryBody(rows[2]!.body).text.en).toEqual({ name: "Empty", dataExposed: [], remediation: [] });
      // The old columns are untouched: the lookup query still reads them.
      expect((await db.query<{ title: string }>("SELECT title FROM incident")).rows).toEqual([{ title: "Old breach" }]);
      expect((await db.query<{ review_required: boolean }>("SELECT review_required FROM incident")).rows).toEqual([
        { review_required: false },
      ]);
    } finally {
      await db.close();
    }
  }, 120_000); // PGlite starts in wasm and replays every migration
});

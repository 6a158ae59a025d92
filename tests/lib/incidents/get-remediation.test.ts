// The public page's text per locale: published only, English per missing field.
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { DEMO_CATEGORIES, DEMO_INCIDENT } from "@/lib/incidents/demo-data";
import { saveCategoryDraft } from "@/lib/incidents/drafts";
import { getRemediation } from "@/lib/incidents/get-remediation";
import { createCategory, createIncident, listIncidents } from "@/lib/incidents/manage";
import { publishDraft } from "@/lib/incidents/publish";
import { uniqueTag } from "@/tests/support/unique-tag";

const db = getDb();
const ctx = { actor: { id: "u-translator", email: "translator@example.com" }, ip: "192.0.2.32" };

async function incidentWith(text: Record<string, unknown>, categoryText: Record<string, unknown>) {
  const slug = `l-${uniqueTag(8)}`;
  await createIncident(db, { slug, disclosedAt: "2024-05-01", ...text }, ctx);
  await createCategory(db, slug, { slug: "prepaid", sortOrder: 0, ...categoryText }, ctx);
  return slug;
}

const en = {
  incident: { "en.title": "Breach", "en.summary": "It happened." },
  category: { "en.name": "Prepaid", "en.dataExposed": ["Name"], "en.remediation": ["Change your PIN."] },
};

describe("getRemediation per locale", () => {
  it("shows each field in Spanish where it is translated and in English where not, and says which", async () => {
    const slug = await incidentWith(
      { ...en.incident, "es.title": "Filtración" },
      { ...en.category, "es.remediation": ["Cambie su PIN."] },
    );
    const page = (await getRemediation(db, slug, "prepaid", "es"))!;
    expect(page).toMatchObject({
      locale: "es",
      fallback: true,
      incident: { title: "Filtración", summary: "It happened." },
      category: { name: "Prepaid", dataExposed: ["Name"], remediation: ["Cambie su PIN."] },
    });
    expect(page.fallbackFields).toEqual(["incident.summary", "category.name", "category.dataExposed"]);

    const english = (await getRemediation(db, slug, "prepaid"))!;
    expect([english.locale, english.fallback, english.incident.title]).toEqual(["en", false, "Breach"]);
    // A locale without content is English, with no notice to show.
    expect((await getRemediation(db, slug, "prepaid", "fr"))!.locale).toBe("en");
  });

  it("serves the demo incident wholly in Spanish", async () => {
    const prepaid = DEMO_CATEGORIES[0];
    const page = (await getRemediation(db, DEMO_INCIDENT.slug, prepaid.slug, "es"))!;
    expect(page.fallback).toBe(false);
    expect(page.incident.title).toBe(DEMO_INCIDENT.es.title);
    expect(page.category.remediation).toEqual(prepaid.es.remediation);
  });
});

describe("translation completeness", () => {
  it("counts the published fields written in English that Spanish has too", async () => {
    const slug = await incidentWith({ ...en.incident, "es.title": "Filtración" }, en.category);
    const figure = async () => (await listIncidents(db)).find((i) => i.slug === slug)!.translations;
    expect(await figure()).toEqual([{ locale: "es", filled: 1, total: 5 }]);
    // A draft does not count until it is published.
    await saveCategoryDraft(db, slug, "prepaid", { ...en.category, "es.name": "Prepago", sortOrder: 0 }, ctx);
    expect(await figure()).toEqual([{ locale: "es", filled: 1, total: 5 }]);
    await publishDraft(db, slug, "prepaid", ctx);
    expect(await figure()).toEqual([{ locale: "es", filled: 2, total: 5 }]);
  });

  it("finds the demo incident fully translated", async () => {
    const demo = (await listIncidents(db)).find((i) => i.slug === DEMO_INCIDENT.slug)!;
    // Title and summary, each group's name, data and steps, the notice's four texts and
    // each group's offer instructions (ADR 36): 18.
    const total = 2 + 3 * DEMO_CATEGORIES.length + 4 + DEMO_CATEGORIES.length;
    expect(total).toBe(18);
    expect(demo.translations).toEqual([{ locale: "es", filled: total, total }]);
  });
});

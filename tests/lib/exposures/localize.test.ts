// The check result in Spanish: published translations, English per missing field.
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import type { ExposureResult } from "@/lib/exposures/types";
import { DEMO_CATEGORIES, DEMO_INCIDENT } from "@/lib/incidents/demo-data";
import { saveCategoryDraft } from "@/lib/incidents/drafts";
import { exposureLocalizer } from "@/lib/exposures/localize";
import { createCategory, createIncident } from "@/lib/incidents/manage";
import { publishDraft } from "@/lib/incidents/publish";
import { noticePath, remediationPath } from "@/lib/incidents/paths";
import { uniqueTag } from "@/tests/support/unique-tag";

const db = getDb();
const ctx = { actor: { id: "u-localize", email: "localize@example.com" }, ip: "192.0.2.33" };

const result = (incident: string, title: string, group: string, name: string, data: string[]): ExposureResult => ({
  phone: "+12065550100",
  affected: true,
  exposures: [
    {
      incident: { slug: incident, title, disclosedAt: "2024-05-01" },
      category: { slug: group, name, dataExposed: data },
      remediationUrl: remediationPath(incident, group),
      noticeUrl: noticePath(incident),
      offer: null,
    },
  ],
});

describe("exposureLocalizer", () => {
  it("gives the demo result in Spanish and leaves English untouched", async () => {
    const prepaid = DEMO_CATEGORIES[0];
    const english = result(DEMO_INCIDENT.slug, DEMO_INCIDENT.title, prepaid.slug, prepaid.name, [
      ...prepaid.dataExposed,
    ]);
    const localize = exposureLocalizer(db);
    expect(await localize(english, "en")).toBe(english);
    const spanish = await localize(english, "es");
    expect(spanish.exposures[0]).toMatchObject({
      incident: { title: DEMO_INCIDENT.es.title, disclosedAt: "2024-05-01" },
      category: { slug: prepaid.slug, name: prepaid.es.name, dataExposed: prepaid.es.dataExposed },
      remediationUrl: english.exposures[0]!.remediationUrl,
    });
  });

  it("gives a group's offer instructions in Spanish, the provider as it is (ADR 36)", async () => {
    const prepaid = DEMO_CATEGORIES[0];
    const english = result(DEMO_INCIDENT.slug, DEMO_INCIDENT.title, prepaid.slug, prepaid.name, [
      ...prepaid.dataExposed,
    ]);
    const offer = {
      provider: prepaid.offerProvider,
      durationMonths: prepaid.offerMonths,
      enrollUrl: prepaid.offerEnrollUrl,
      instructions: prepaid.offerInstructions,
    };
    english.exposures[0]!.offer = offer;
    const spanish = await exposureLocalizer(db)(english, "es");
    expect(spanish.exposures[0]!.offer).toEqual({ ...offer, instructions: prepaid.offerText.es.offerInstructions });
  });

  it("falls back per field, and sees a publish once its cache has aged", async () => {
    const slug = `x-${uniqueTag(8)}`;
    await createIncident(db, { slug, disclosedAt: "2024-05-01", "en.title": "Breach", "en.summary": "S" }, ctx);
    const group = { "en.name": "Prepaid", "en.dataExposed": ["Name"], "en.remediation": ["Step."], sortOrder: 0 };
    await createCategory(db, slug, { slug: "prepaid", ...group, "es.dataExposed": ["Nombre"] }, ctx);
    let clock = 0;
    const localize = exposureLocalizer(db, 1_000, () => clock);
    const english = result(slug, "Breach", "prepaid", "Prepaid", ["Name"]);
    expect((await localize(english, "es")).exposures[0]).toMatchObject({
      incident: { title: "Breach" },
      category: { name: "Prepaid", dataExposed: ["Nombre"] },
    });

    await saveCategoryDraft(db, slug, "prepaid", { ...group, "es.name": "Prepago", "es.dataExposed": ["Nombre"] }, ctx);
    await publishDraft(db, slug, "prepaid", ctx);
    expect((await localize(english, "es")).exposures[0]!.category.name).toBe("Prepaid");
    clock = 1_000;
    expect((await localize(english, "es")).exposures[0]!.category.name).toBe("Prepago");
  });
});

import { uniqueTag } from "@/tests/support/unique-tag";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { DEMO_INCIDENT } from "@/lib/incidents/demo-data";
import { saveCategoryDraft as updateCategory, saveIncidentDraft as updateIncident } from "@/lib/incidents/drafts";
import { createCategory, createIncident, getIncident, listIncidents } from "@/lib/incidents/manage";

// Every test works on incidents of its own (unique slugs), so the demo incident other
// files read stays as seeded.
const db = getDb();
const uid = () => uniqueTag(8);

function actor() {
  const email = `editor-${uid()}@example.com`;
  return { ctx: { actor: { id: "u-editor", email }, ip: "192.0.2.30" }, email };
}

const incidentInput = (slug: string) => ({
  slug,
  "en.title": "Test breach",
  disclosedAt: "2024-05-01",
  "en.summary": "Something *happened*.",
});
const categoryInput = (slug: string) => ({
  slug,
  "en.name": "Prepaid",
  "en.dataExposed": ["Name", "PIN"],
  "en.remediation": ["Change your **PIN**.", "Turn on [SIM protection](https://example.com/sim)."],
  sortOrder: 0,
});

async function newIncident(ctx = actor().ctx) {
  const slug = `t-${uid()}`;
  await createIncident(db, incidentInput(slug), ctx);
  return slug;
}

/** The AppError a call throws (fails the test if it does not throw one). */
async function appError(run: () => Promise<unknown>): Promise<AppError> {
  try {
    await run();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error("expected an AppError");
}

const auditRows = (actorEmail: string) => db.auditLog.findMany({ where: { actorEmail }, orderBy: { id: "asc" } });

describe("creating incidents and categories", () => {
  it("creates an incident and a group, their text published as version 1, audited by field names", async () => {
    const { ctx, email } = actor();
    const slug = `t-${uid()}`;
    expect(await createIncident(db, incidentInput(slug), ctx)).toEqual({ slug });
    expect(await createCategory(db, slug, categoryInput("prepaid"), ctx)).toEqual({ slug: "prepaid", published: true });

    const incident = (await getIncident(db, slug))!;
    expect(incident.title).toBe("Test breach");
    expect(incident.content).toMatchObject({
      body: {
        disclosedAt: "2024-05-01",
        text: { en: { title: "Test breach", summary: "Something *happened*." }, es: {} },
      },
      draft: null,
      publishedVersion: 1,
    });
    expect(incident.categories).toMatchObject([
      {
        slug: "prepaid",
        name: "Prepaid",
        content: {
          body: { sortOrder: 0, text: { en: { name: "Prepaid", remediation: categoryInput("x")["en.remediation"] } } },
          publishedVersion: 1,
        },
      },
    ]);

    const rows = await auditRows(email);
    expect(rows.map((r) => [r.action, r.target, r.actorId, r.ip])).toEqual([
      ["incident_created", slug, "u-editor", "192.0.2.30"],
      ["category_created", `${slug}/prepaid`, "u-editor", "192.0.2.30"],
    ]);
    expect(rows[1]!.details).toEqual({ fields: ["sortOrder", "text"], published: true });
    expect(JSON.stringify(rows.map((r) => r.details))).not.toMatch(/PIN|happened|Test breach/);
  });

  it("accepts slugs of 2 to 60 lower-case letters, digits and hyphens only", async () => {
    const { ctx } = actor();
    for (const bad of [
      "a",
      "A1",
      "Has-Upper",
      "with space",
      "under_score",
      "dot.ted",
      "ü-umlaut",
      `x${"a".repeat(60)}`,
      "",
    ]) {
      const e = await appError(() => createIncident(db, incidentInput(bad), ctx));
      expect([bad, e.code, e.status, e.details.fields?.slug]).toEqual([
        bad,
        "invalid_request",
        400,
        "errors.slug_invalid",
      ]);
    }
    const id = uid();
    for (const good of [`${id.slice(0, 2)}`, `z${id}${"9".repeat(51)}`, `2030-${id}-breach`]) {
      await expect(createIncident(db, incidentInput(good), ctx)).resolves.toEqual({ slug: good });
    }
  });

  it("refuses a taken slug with a clear 409 on the slug field", async () => {
    const { ctx, email } = actor();
    const slug = await newIncident(ctx);
    const e = await appError(() => createIncident(db, incidentInput(slug), ctx));
    expect([e.code, e.status, e.details.fields]).toEqual(["slug_taken", 409, { slug: "errors.slug_taken" }]);
    expect(await db.incident.count({ where: { slug } })).toBe(1);

    await createCategory(db, slug, categoryInput("former"), ctx);
    const c = await appError(() => createCategory(db, slug, categoryInput("former"), ctx));
    expect([c.code, c.status]).toEqual(["slug_taken", 409]);
    // Category slugs are unique per incident only.
    await expect(createCategory(db, await newIncident(ctx), categoryInput("former"), ctx)).resolves.toEqual({
      slug: "former",
      published: true,
    });
    expect((await auditRows(email)).filter((r) => r.action === "category_created")).toHaveLength(2);
  });

  it("adds a category only to an incident that exists", async () => {
    const e = await appError(() => createCategory(db, `missing-${uid()}`, categoryInput("prepaid"), actor().ctx));
    expect([e.code, e.status]).toEqual(["not_found", 404]);
  });
});

describe("saving drafts", () => {
  it("saves an edit as a draft, audits the changed field names, and leaves the live text alone", async () => {
    const { ctx, email } = actor();
    const slug = await newIncident(ctx);
    const input = { "en.title": "  New title  ", disclosedAt: "2024-05-01", "en.summary": "Something *happened*." };
    expect(await updateIncident(db, slug, { ...input, "es.title": "Nuevo título" }, ctx)).toEqual({
      changed: ["en.title", "es.title"],
    });
    const incident = (await getIncident(db, slug))!;
    expect(incident.title).toBe("Test breach");
    expect(incident.content.body?.text).toEqual({
      en: { title: "New title", summary: "Something *happened*." },
      es: { title: "Nuevo título" },
    });
    expect(incident.content.draft).toMatchObject({ editedBy: ["u-editor"], editorEmail: email });
    const row = (await auditRows(email)).at(-1)!;
    expect(row).toMatchObject({
      action: "incident_edited",
      target: slug,
      details: { fields: ["en.title", "es.title"], draft: true },
    });
    expect(JSON.stringify(row.details)).not.toContain("New title");
  });

  it("writes nothing and audits nothing when nothing changed", async () => {
    const { ctx, email } = actor();
    const slug = await newIncident(ctx);
    const { slug: _s, ...same } = incidentInput(slug);
    expect(await updateIncident(db, slug, { ...same, "es.title": "  " }, ctx)).toEqual({ changed: [] });
    expect((await auditRows(email)).map((r) => r.action)).toEqual(["incident_created"]);
  });

  it("saves a group's draft: lists trimmed, blank entries dropped, order changed", async () => {
    const { ctx } = actor();
    const slug = await newIncident(ctx);
    await createCategory(db, slug, categoryInput("prepaid"), ctx);
    const input = {
      "en.name": "Prepaid",
      "en.dataExposed": [" Name ", "", "PIN", "Address"],
      "en.remediation": ["Change your **PIN**.", "  ", "Call us."],
      "es.remediation": ["", " "],
      sortOrder: "5",
    };
    expect(await updateCategory(db, slug, "prepaid", input, ctx)).toEqual({
      changed: ["en.dataExposed", "en.remediation", "sortOrder"],
    });
    expect((await getIncident(db, slug))!.categories[0]!.content.body).toEqual({
      sortOrder: 5,
      text: {
        en: {
          name: "Prepaid",
          dataExposed: ["Name", "PIN", "Address"],
          remediation: ["Change your **PIN**.", "Call us."],
        },
        es: {},
      },
    });
  });

  it("answers not_found for an unknown incident or category", async () => {
    const { ctx } = actor();
    const slug = await newIncident(ctx);
    const { slug: _s, ...incident } = incidentInput(slug);
    const { slug: _c, ...category } = categoryInput("prepaid");
    for (const run of [
      () => updateIncident(db, `missing-${uid()}`, incident, ctx),
      () => updateCategory(db, slug, "nope", category, ctx),
    ]) {
      const e = await appError(run);
      expect([e.code, e.status]).toEqual(["not_found", 404]);
    }
  });
});

describe("size limits and required fields", () => {
  const base = () => ({ "en.title": "T", disclosedAt: "2024-05-01", "en.summary": "S" });
  const cat = () => ({ "en.name": "N", "en.dataExposed": ["Name"], "en.remediation": ["Step"], sortOrder: 1 });

  it.each([
    ["en.title", { "en.title": "x".repeat(201) }, "errors.title_too_long"],
    ["en.title", { "en.title": "   " }, "errors.title_required"],
    ["es.summary", { "es.summary": "x".repeat(5001) }, "errors.summary_too_long"],
    ["en.summary", { "en.summary": undefined }, "errors.summary_required"],
    ["disclosedAt", { disclosedAt: "2021-02-30" }, "errors.date_invalid"],
    ["disclosedAt", { disclosedAt: "17/08/2021" }, "errors.date_invalid"],
  ])("incident %s: %j → %s", async (field, patch, key) => {
    const slug = await newIncident();
    const e = await appError(() => updateIncident(db, slug, { ...base(), ...patch }, actor().ctx));
    expect([e.code, e.status, e.details.fields?.[field]]).toEqual(["invalid_request", 400, key]);
  });

  it("accepts the largest sizes allowed", async () => {
    const { ctx } = actor();
    const slug = await newIncident(ctx);
    await expect(
      updateIncident(db, slug, { ...base(), "en.title": "x".repeat(200), "es.summary": "y".repeat(5000) }, ctx),
    ).resolves.toBeTruthy();
    const big = {
      ...cat(),
      "en.dataExposed": Array.from({ length: 30 }, (_, i) => `d${i}`),
      "es.remediation": Array.from({ length: 20 }, () => "s".repeat(2000)),
    };
    await expect(createCategory(db, slug, { ...big, slug: "big" }, ctx)).resolves.toEqual({
      slug: "big",
      published: true,
    });
  });

  it.each([
    ["es.remediation", { "es.remediation": ["x".repeat(2001)] }, "errors.step_too_long"],
    ["en.remediation", { "en.remediation": Array.from({ length: 21 }, (_, i) => `s${i}`) }, "errors.steps_too_many"],
    ["en.remediation", { "en.remediation": ["", "  "] }, "errors.steps_required"],
    ["en.dataExposed", { "en.dataExposed": Array.from({ length: 31 }, (_, i) => `d${i}`) }, "errors.data_too_many"],
    ["es.dataExposed", { "es.dataExposed": ["x".repeat(201)] }, "errors.data_item_too_long"],
    ["en.dataExposed", { "en.dataExposed": "Name" }, "errors.data_required"],
    ["en.name", { "en.name": "x".repeat(201) }, "errors.name_too_long"],
    ["sortOrder", { sortOrder: "-1" }, "errors.sort_order_invalid"],
    ["sortOrder", { sortOrder: "1.5" }, "errors.sort_order_invalid"],
    ["sortOrder", { sortOrder: "many" }, "errors.sort_order_invalid"],
  ])("category %s: → %s", async (field, patch, key) => {
    const { ctx } = actor();
    const slug = await newIncident(ctx);
    const e = await appError(() => createCategory(db, slug, { ...cat(), ...patch, slug: "c1" }, ctx));
    expect([e.code, e.status, e.details.fields?.[field]]).toEqual(["invalid_request", 400, key]);
    expect(await db.category.count({ where: { incident: { slug } } })).toBe(0);
  });
});

describe("listIncidents", () => {
  it("lists incidents with their categories in display order, the demo one included", async () => {
    const list = await listIncidents(db);
    const demo = list.find((i) => i.slug === DEMO_INCIDENT.slug);
    expect(demo?.title).toBe(DEMO_INCIDENT.title);
    expect(demo?.categories.map((c) => c.slug)).toEqual(["prepaid", "former", "postpaid"]);
  });
});

// Drafts, publishing, two-person review, history and deleting groups, on the store the
// project runs on. Every test works on an incident of its own.
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { saveCategoryDraft, saveIncidentDraft } from "@/lib/incidents/drafts";
import { getRemediation, getRemediationPreview } from "@/lib/incidents/get-remediation";
import { createCategory, createIncident, deleteCategory, getIncident } from "@/lib/incidents/manage";
import { publishDraft, restoreVersion, setReviewRequired } from "@/lib/incidents/publish";
import { uniqueTag } from "@/tests/support/unique-tag";

const db = getDb();

function actor(id = `u-${uniqueTag(6)}`) {
  return { actor: { id, email: `${id}@example.com` }, ip: "192.0.2.31" };
}

const category = (steps: string[], extra: Record<string, unknown> = {}) => ({
  "en.name": "Prepaid",
  "en.dataExposed": ["Name", "PIN"],
  "en.remediation": steps,
  sortOrder: 0,
  ...extra,
});

async function setUp(ctx = actor()) {
  const slug = `p-${uniqueTag(8)}`;
  await createIncident(
    db,
    { slug, "en.title": "Breach", "en.summary": "It happened.", disclosedAt: "2024-05-01" },
    ctx,
  );
  await createCategory(db, slug, { slug: "prepaid", ...category(["Old step."]) }, ctx);
  return slug;
}

async function appError(run: () => Promise<unknown>): Promise<AppError> {
  try {
    await run();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error("expected an AppError");
}

const audit = (target: string) => db.auditLog.findMany({ where: { target }, orderBy: { id: "asc" } });
const liveSteps = async (slug: string) =>
  (await db.category.findFirst({ where: { slug: "prepaid", incident: { slug } } }))!.remediation;

describe("drafts and publishing", () => {
  it("keeps a draft from customers: the public page and the lookup columns show the published text", async () => {
    const ctx = actor();
    const slug = await setUp(ctx);
    await saveCategoryDraft(db, slug, "prepaid", category(["New step."]), ctx);
    expect((await getRemediation(db, slug, "prepaid"))!.category.remediation).toEqual(["Old step."]);
    expect(await liveSteps(slug)).toEqual(["Old step."]);
    expect((await getRemediationPreview(db, slug, "prepaid"))!.category.remediation).toEqual(["New step."]);
  });

  it("publishes a draft as the next version, audited, and customers then see it", async () => {
    const ctx = actor();
    const slug = await setUp(ctx);
    await saveCategoryDraft(db, slug, "prepaid", category(["New step."]), ctx);
    expect(await publishDraft(db, slug, "prepaid", ctx)).toEqual({ version: 2 });
    expect((await getRemediation(db, slug, "prepaid"))!.category.remediation).toEqual(["New step."]);
    expect(await liveSteps(slug)).toEqual(["New step."]);
    const entry = (await audit(`${slug}/prepaid`)).at(-1)!;
    expect(entry).toMatchObject({
      action: "category_published",
      actorEmail: ctx.actor.email,
      details: { version: 2, reviewed: false, restoredFrom: null },
    });

    const none = await appError(() => publishDraft(db, slug, "prepaid", ctx));
    expect([none.code, none.status]).toEqual(["nothing_to_publish", 409]);
  });

  it("publishes an incident's own text too (title, date) to the page and the lookup columns", async () => {
    const ctx = actor();
    const slug = await setUp(ctx);
    const input = { "en.title": "Breach, updated", "en.summary": "It happened.", disclosedAt: "2024-05-02" };
    await saveIncidentDraft(db, slug, input, ctx);
    expect((await getRemediation(db, slug, "prepaid"))!.incident.title).toBe("Breach");
    await publishDraft(db, slug, null, ctx);
    const page = (await getRemediation(db, slug, "prepaid"))!;
    expect([page.incident.title, page.incident.disclosedAt]).toEqual([
      "Breach, updated",
      new Date("2024-05-02T00:00:00Z"),
    ]);
    expect((await db.incident.findUnique({ where: { slug } }))!.title).toBe("Breach, updated");
  });
});

describe("two-person review", () => {
  it("refuses the draft's own editors and lets someone else publish", async () => {
    const owner = actor();
    const author = actor();
    const coEditor = actor();
    const approver = actor();
    const slug = await setUp(owner);
    expect(await setReviewRequired(db, slug, { reviewRequired: "on" }, owner)).toEqual({ reviewRequired: true });
    expect((await audit(slug)).at(-1)).toMatchObject({
      action: "settings_changed",
      details: { setting: "reviewRequired", value: true },
    });

    await saveCategoryDraft(db, slug, "prepaid", category(["Reviewed step."]), author);
    const own = await appError(() => publishDraft(db, slug, "prepaid", author));
    expect([own.code, own.status]).toEqual(["review_required", 403]);
    await saveCategoryDraft(db, slug, "prepaid", category(["Reviewed step, edited."]), coEditor);
    for (const editor of [author, coEditor]) {
      expect((await appError(() => publishDraft(db, slug, "prepaid", editor))).code).toBe("review_required");
    }
    expect((await getRemediation(db, slug, "prepaid"))!.category.remediation).toEqual(["Old step."]);

    await expect(publishDraft(db, slug, "prepaid", approver)).resolves.toEqual({ version: 2 });
    expect((await audit(`${slug}/prepaid`)).at(-1)).toMatchObject({
      action: "category_published",
      actorEmail: approver.actor.email,
      details: { reviewed: true },
    });
  });

  it("lets the author publish again once an owner turns review off", async () => {
    const ctx = actor();
    const slug = await setUp(ctx);
    await setReviewRequired(db, slug, { reviewRequired: "on" }, ctx);
    await saveCategoryDraft(db, slug, "prepaid", category(["Mine."]), ctx);
    expect((await appError(() => publishDraft(db, slug, "prepaid", ctx))).code).toBe("review_required");
    await setReviewRequired(db, slug, { reviewRequired: "off" }, ctx);
    await expect(publishDraft(db, slug, "prepaid", ctx)).resolves.toEqual({ version: 2 });
  });

  it("keeps a group created under review as a draft, not on the public page, until approved", async () => {
    const author = actor();
    const slug = await setUp(author);
    await setReviewRequired(db, slug, { reviewRequired: "on" }, author);
    const made = await createCategory(db, slug, { slug: "former", ...category(["Freeze."]) }, author);
    expect(made).toEqual({ slug: "former", published: false });
    expect(await getRemediation(db, slug, "former")).toBeNull();
    expect((await appError(() => publishDraft(db, slug, "former", author))).code).toBe("review_required");
    await publishDraft(db, slug, "former", actor());
    expect((await getRemediation(db, slug, "former"))!.category.remediation).toEqual(["Freeze."]);
  });
});

describe("history", () => {
  it("restores an earlier version as a new draft, published as a new version", async () => {
    const ctx = actor();
    const slug = await setUp(ctx);
    await saveCategoryDraft(db, slug, "prepaid", category(["Second."]), ctx);
    await publishDraft(db, slug, "prepaid", ctx);
    expect(await restoreVersion(db, slug, "prepaid", { version: "1" }, ctx)).toEqual({ version: 1 });
    expect((await getRemediation(db, slug, "prepaid"))!.category.remediation).toEqual(["Second."]);
    const before = (await getIncident(db, slug))!.categories[0]!.content;
    expect(before.draft).toMatchObject({ restoredFrom: 1 });
    expect(before.body?.text.en.remediation).toEqual(["Old step."]);
    expect((await audit(`${slug}/prepaid`)).at(-1)).toMatchObject({
      action: "content_restored",
      details: { version: 1 },
    });

    expect(await publishDraft(db, slug, "prepaid", ctx)).toEqual({ version: 3 });
    expect((await getRemediation(db, slug, "prepaid"))!.category.remediation).toEqual(["Old step."]);
    const after = (await getIncident(db, slug))!.categories[0]!.content;
    expect(after.history.map((h) => [h.version, h.live])).toEqual([
      [3, true],
      [2, false],
      [1, false],
    ]);
    const missing = await appError(() => restoreVersion(db, slug, "prepaid", { version: 9 }, ctx));
    expect([missing.code, missing.status]).toEqual(["not_found", 404]);
  });
});

describe("deleting a group", () => {
  it("deletes a group without rows once confirmed, with its history, audited", async () => {
    const ctx = actor();
    const slug = await setUp(ctx);
    const unconfirmed = await appError(() => deleteCategory(db, slug, "prepaid", {}, ctx));
    expect([unconfirmed.status, unconfirmed.details.fields]).toEqual([400, { confirm: "errors.confirm_delete" }]);
    await deleteCategory(db, slug, "prepaid", { confirm: "yes" }, ctx);
    expect(await getRemediation(db, slug, "prepaid")).toBeNull();
    const incidentId = (await db.incident.findUnique({ where: { slug } }))!.id;
    expect(await db.contentVersion.count({ where: { incidentId, categoryId: { not: null } } })).toBe(0);
    expect((await audit(`${slug}/prepaid`)).at(-1)!.action).toBe("category_deleted");
  });

  it("refuses a group that a list has rows in with a 409, and keeps it", async () => {
    const ctx = actor();
    const slug = await setUp(ctx);
    const c = (await db.category.findFirst({ where: { slug: "prepaid", incident: { slug } } }))!;
    await db.affectedAccount.create({
      data: { phoneHash: new Uint8Array(32).fill(7), keyVersion: 1, categoryId: c.id, batchId: 0 },
    });
    try {
      const e = await appError(() => deleteCategory(db, slug, "prepaid", { confirm: "yes" }, ctx));
      expect([e.code, e.status]).toEqual(["category_not_empty", 409]);
      expect(await getRemediation(db, slug, "prepaid")).not.toBeNull();
    } finally {
      await db.affectedAccount.deleteMany({ where: { categoryId: c.id } });
    }
  });
});

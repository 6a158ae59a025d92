import { uniqueTag } from "@/tests/support/unique-tag";
// The editor's server actions as an importer uses them: form fields → schema input,
// errors per field in the user's words, Preview that saves nothing.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  createCategoryAction,
  createIncidentAction,
  updateCategoryAction,
  updateIncidentAction,
} from "@/app/admin/incidents/actions";
import {
  deleteCategoryAction,
  publishAction,
  restoreAction,
  setReviewAction,
} from "@/app/admin/incidents/publishing/actions";
import { setRequestAdapterForTests } from "@/lib/auth/next";
import { getDb } from "@/lib/db/client";
import { en } from "@/lib/i18n/messages/en";
import { getIncident } from "@/lib/incidents/manage";
import { fakeRequest, nextInterrupt, signedIn } from "@/tests/support/admin";
import { setEnv } from "@/tests/support/api";
import { form } from "@/tests/support/pages";

// revalidatePath needs Next's request store; here it is only recorded.
const { revalidatePath } = vi.hoisted(() => ({ revalidatePath: vi.fn() }));
vi.mock("next/cache", () => ({ revalidatePath }));

const db = getDb();
let importer: Awaited<ReturnType<typeof signedIn>>;
let slug: string;

describe("incident editor actions", () => {
  beforeAll(async () => {
    setEnv({ RATE_LIMITS: "off", __NEXT_EXPERIMENTAL_AUTH_INTERRUPTS: "true" });
    importer = await signedIn("importer");
    fakeRequest({ cookie: importer.cookie, ip: "192.0.2.44" });
    slug = `act-${uniqueTag(8)}`;
    const digest = await nextInterrupt(() =>
      createIncidentAction(
        undefined,
        form({ slug, "en.title": "Action test", disclosedAt: "2025-01-02", "en.summary": "Sum" }),
      ),
    );
    expect(digest).toMatch(new RegExp(`^NEXT_REDIRECT;(replace|push);/admin/incidents/${slug};`));
  });
  afterAll(() => {
    setRequestAdapterForTests(null);
    setEnv({ RATE_LIMITS: "on", __NEXT_EXPERIMENTAL_AUTH_INTERRUPTS: undefined });
  });

  it("shows each field's error next to it and keeps what was typed", async () => {
    const state = await createIncidentAction(
      undefined,
      form({ slug: "Bad Slug", "en.title": "", disclosedAt: "2025-02-30", "en.summary": "ok" }),
    );
    expect(state.error).toBe(en.admin.incidents.fixErrors);
    expect(state.errors).toEqual({
      slug: en.errors.slug_invalid,
      "en.title": en.errors.title_required,
      disclosedAt: en.errors.date_invalid,
    });
    expect(state.values).toMatchObject({ slug: "Bad Slug", "en.summary": "ok" });
    const taken = await createIncidentAction(
      undefined,
      form({ slug, "en.title": "T", disclosedAt: "2025-01-02", "en.summary": "S" }),
    );
    expect(taken.errors).toEqual({ slug: en.errors.slug_taken });
  });

  it("previews without saving", async () => {
    const state = await updateIncidentAction(
      undefined,
      form({
        incident: slug,
        intent: "preview",
        "en.title": "Changed",
        disclosedAt: "2025-01-02",
        "en.summary": "Sum",
        "es.summary": "**Nuevo**",
      }),
    );
    expect(state).toMatchObject({ preview: true, values: { "en.title": "Changed", "es.summary": "**Nuevo**" } });
    expect((await getIncident(db, slug))!.title).toBe("Action test");
  });

  it("adds a group, saves a draft of both locales, publishes it and restores version 1", async () => {
    const add = await nextInterrupt(() =>
      createCategoryAction(
        undefined,
        form({
          incident: slug,
          slug: "prepaid",
          "en.name": "Prepaid",
          "en.dataExposed": "Name\r\n\r\nPIN\n",
          "en.remediation": ["Step *one*", "", ""],
          "es.name": "",
          sortOrder: "3",
        }),
      ),
    );
    expect(add).toMatch(/^NEXT_REDIRECT;(replace|push);\/admin\/incidents\/act-[a-z0-9]+#category-prepaid;/);
    const group = async () => (await getIncident(db, slug))!.categories[0]!.content;
    expect((await group()).body).toEqual({
      sortOrder: 3,
      text: { en: { name: "Prepaid", dataExposed: ["Name", "PIN"], remediation: ["Step *one*"] }, es: {} },
    });

    const edit = (extra: Record<string, string | string[]>) =>
      form({
        incident: slug,
        category: "prepaid",
        "en.name": "Prepaid",
        "en.dataExposed": "Name\nPIN",
        sortOrder: "3",
        ...extra,
      });
    const tooLong = await updateCategoryAction(
      undefined,
      edit({ "en.remediation": ["ok"], "es.remediation": ["x".repeat(2001)] }),
    );
    expect(tooLong.errors).toEqual({ "es.remediation": en.errors.step_too_long });
    expect(tooLong.values).toMatchObject({ "en.dataExposed": "Name\nPIN" });

    revalidatePath.mockClear();
    const fields = {
      "en.remediation": ["Step *one*", "Step two"],
      "es.dataExposed": "Nombre\nPIN",
      "es.remediation": ["Paso *uno*"],
    };
    expect(await updateCategoryAction(undefined, edit(fields))).toEqual({ notice: "saved" });
    expect((await group()).body?.text.es).toEqual({ dataExposed: ["Nombre", "PIN"], remediation: ["Paso *uno*"] });
    // A draft changes no public page.
    expect(revalidatePath).not.toHaveBeenCalledWith("/remediation/[incident]/[category]", "page");
    expect(await updateCategoryAction(undefined, edit(fields))).toEqual({ notice: "unchanged" });

    expect(await publishAction(undefined, form({ incident: slug, category: "prepaid" }))).toEqual({
      notice: "published",
      version: 2,
    });
    expect(revalidatePath).toHaveBeenCalledWith("/remediation/[incident]/[category]", "page");
    expect((await publishAction(undefined, form({ incident: slug, category: "prepaid" }))).error).toBe(
      en.errors.nothing_to_publish,
    );
    expect(await restoreAction(undefined, form({ incident: slug, category: "prepaid", version: "1" }))).toEqual({
      notice: "restored",
      version: 1,
    });
    expect((await group()).draft).toMatchObject({ restoredFrom: 1 });

    const missing = await updateCategoryAction(
      undefined,
      form({
        incident: slug,
        category: "nope",
        "en.name": "N",
        "en.dataExposed": "D",
        "en.remediation": "S",
        sortOrder: "0",
      }),
    );
    expect(missing.error).toBe(en.errors.not_found);

    const rows = await db.auditLog.findMany({
      where: { actorEmail: importer.user.email, action: { notIn: ["sign_in", "factor_enrolled"] } },
      orderBy: { id: "asc" },
    });
    expect(rows.map((r) => [r.action, r.target, r.ip])).toEqual([
      ["incident_created", slug, "192.0.2.44"],
      ["category_created", `${slug}/prepaid`, "192.0.2.44"],
      ["category_edited", `${slug}/prepaid`, "192.0.2.44"],
      ["category_published", `${slug}/prepaid`, "192.0.2.44"],
      ["content_restored", `${slug}/prepaid`, "192.0.2.44"],
    ]);
  });

  it("deletes a group only once the box is ticked, then says so above the groups", async () => {
    await createCategoryAction(
      undefined,
      form({
        incident: slug,
        slug: "spare",
        "en.name": "Spare",
        "en.dataExposed": "Name",
        "en.remediation": "Step",
        sortOrder: "9",
      }),
    ).catch(() => undefined);
    const unticked = await deleteCategoryAction(undefined, form({ incident: slug, category: "spare" }));
    expect(unticked.errors).toEqual({ confirm: en.errors.confirm_delete });
    const done = await nextInterrupt(() =>
      deleteCategoryAction(undefined, form({ incident: slug, category: "spare", confirm: "yes" })),
    );
    expect(done).toMatch(
      new RegExp(`^NEXT_REDIRECT;(replace|push);/admin/incidents/${slug}\\?deleted=1#categories-heading;`),
    );
    expect((await getIncident(db, slug))!.categories.map((c) => c.slug)).not.toContain("spare");
  });

  it("leaves the review switch to owners", async () => {
    const digest = await nextInterrupt(() =>
      setReviewAction(undefined, form({ incident: slug, reviewRequired: "on" })),
    );
    expect(digest).toMatch(/^NEXT_HTTP_ERROR_FALLBACK;403/);
    const owner = await signedIn("owner");
    fakeRequest({ cookie: owner.cookie, ip: "192.0.2.45" });
    try {
      expect(await setReviewAction(undefined, form({ incident: slug, reviewRequired: "on" }))).toEqual({
        notice: "reviewOn",
      });
    } finally {
      fakeRequest({ cookie: importer.cookie, ip: "192.0.2.44" });
    }
  });
});

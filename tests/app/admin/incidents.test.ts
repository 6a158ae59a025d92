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
      createIncidentAction(undefined, form({ slug, title: "Action test", disclosedAt: "2025-01-02", summary: "Sum" })),
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
      form({ slug: "Bad Slug", title: "", disclosedAt: "2025-02-30", summary: "ok" }),
    );
    expect(state.error).toBe(en.admin.incidents.fixErrors);
    expect(state.errors).toEqual({
      slug: en.errors.slug_invalid,
      title: en.errors.title_required,
      disclosedAt: en.errors.date_invalid,
    });
    expect(state.values).toMatchObject({ slug: "Bad Slug", summary: "ok" });
    const taken = await createIncidentAction(
      undefined,
      form({ slug, title: "T", disclosedAt: "2025-01-02", summary: "S" }),
    );
    expect(taken.errors).toEqual({ slug: en.errors.slug_taken });
  });

  it("previews without saving", async () => {
    const state = await updateIncidentAction(
      undefined,
      form({ incident: slug, intent: "preview", title: "Changed", disclosedAt: "2025-01-02", summary: "**New**" }),
    );
    expect(state).toMatchObject({ preview: true, values: { title: "Changed", summary: "**New**" } });
    expect((await getIncident(db, slug))!.title).toBe("Action test");
  });

  it("adds and edits a group from its form fields (data one per line, one box per step)", async () => {
    const add = await nextInterrupt(() =>
      createCategoryAction(
        undefined,
        form({
          incident: slug,
          slug: "prepaid",
          name: "Prepaid",
          dataExposed: "Name\r\n\r\nPIN\n",
          remediation: ["Step *one*", "", ""],
          sortOrder: "3",
        }),
      ),
    );
    expect(add).toMatch(/^NEXT_REDIRECT;(replace|push);\/admin\/incidents\/act-[a-z0-9]+#category-prepaid;/);
    expect((await getIncident(db, slug))!.categories).toEqual([
      { slug: "prepaid", name: "Prepaid", dataExposed: ["Name", "PIN"], remediation: ["Step *one*"], sortOrder: 3 },
    ]);

    const tooLong = await updateCategoryAction(
      undefined,
      form({
        incident: slug,
        category: "prepaid",
        name: "Prepaid",
        dataExposed: "Name",
        remediation: ["x".repeat(2001)],
        sortOrder: "3",
      }),
    );
    expect(tooLong.errors).toEqual({ remediation: en.errors.step_too_long });
    expect(tooLong.values).toMatchObject({ dataExposed: "Name" });

    revalidatePath.mockClear();
    const saved = await updateCategoryAction(
      undefined,
      form({
        incident: slug,
        category: "prepaid",
        name: "Prepaid",
        dataExposed: "Name\nPIN",
        remediation: ["Step *one*", "Step two"],
        sortOrder: "3",
      }),
    );
    expect(saved).toEqual({ notice: "saved" });
    expect((await getIncident(db, slug))!.categories[0]!.remediation).toEqual(["Step *one*", "Step two"]);
    expect(revalidatePath).toHaveBeenCalledWith("/remediation/[incident]/[category]", "page");
    const again = await updateCategoryAction(
      undefined,
      form({
        incident: slug,
        category: "prepaid",
        name: "Prepaid",
        dataExposed: "Name\nPIN",
        remediation: ["Step *one*", "Step two"],
        sortOrder: "3",
      }),
    );
    expect(again).toEqual({ notice: "unchanged" });

    const missing = await updateCategoryAction(
      undefined,
      form({ incident: slug, category: "nope", name: "N", dataExposed: "D", remediation: "S", sortOrder: "0" }),
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
    ]);
  });
});

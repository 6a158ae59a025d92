// /admin/api-keys as an owner uses it: the page, creating a key (shown once) that then
// works on the integration API, revoking it (401 from then on), and the console link.
import { describe, expect, it, vi } from "vitest";
import AdminHome from "@/app/admin/page";
import ApiKeysPage from "@/app/admin/api-keys/page";
import { createApiKeyAction, revokeApiKeyAction } from "@/app/admin/api-keys/actions";
import { GET as exposuresRoute } from "@/app/api/v1/exposures/[phone]/route";
import { getDb } from "@/lib/db/client";
import { en } from "@/lib/i18n/messages/en";
import { fakeRequest, signedIn, signedInOwnerForFile } from "@/tests/support/admin";
import { ctx } from "@/tests/support/api";
import { uniqueTag } from "@/tests/support/unique-tag";
import { form, render } from "@/tests/support/pages";

// revalidatePath needs Next's request store; here it is only recorded.
const { revalidatePath } = vi.hoisted(() => ({ revalidatePath: vi.fn() }));
vi.mock("next/cache", () => ({ revalidatePath }));

const call = (key: string) =>
  exposuresRoute(
    new Request("http://localhost/api/v1/exposures/2065550100", { headers: { authorization: `Bearer ${key}` } }),
    ctx({ phone: "2065550100" }),
  );

describe("console API keys (owners)", () => {
  const owner = signedInOwnerForFile();

  it("creates a key shown once that works, lists it by prefix only, and revokes it", async () => {
    fakeRequest({ cookie: owner.cookie, ip: "192.0.2.71" });
    const name = `Login page ${uniqueTag()}`;
    const state = await createApiKeyAction(undefined, form({ name }));
    expect(state.created).toMatchObject({ name, key: expect.stringMatching(/^ek_live_/) });
    const key = state.created!.key;
    expect(revalidatePath).toHaveBeenCalledWith("/admin/api-keys");
    expect((await call(key)).status).toBe(200);

    const page = await render(ApiKeysPage());
    expect(page).toContain(name);
    expect(page).toContain(`${state.created!.prefix}…`);
    expect(page).not.toContain(key);
    expect(page).toContain(owner.user.email);

    const row = await getDb().apiKey.findFirstOrThrow({ where: { name, revokedAt: null } });
    expect(row).toMatchObject({
      createdById: owner.user.id,
      createdByEmail: owner.user.email,
      lastUsedAt: expect.any(Date),
    });
    expect(
      await getDb().auditLog.findFirst({ where: { action: "api_key_created", actorEmail: owner.user.email } }),
    ).toMatchObject({ ip: "192.0.2.71" });

    expect(await revokeApiKeyAction(undefined, form({ keyId: row.id }))).toEqual({
      error: en.errors.api_key_revoke_confirm,
    });
    expect(await revokeApiKeyAction(undefined, form({ keyId: row.id, confirm: "yes" }))).toEqual({
      notice: `${name} is revoked.`,
    });
    expect((await call(key)).status).toBe(401);
    expect(await revokeApiKeyAction(undefined, form({ keyId: row.id, confirm: "yes" }))).toEqual({
      notice: en.admin.apiKeys.unchanged,
    });
    expect(await render(ApiKeysPage())).toMatch(/Revoked \d{4}-\d\d-\d\d/);
  });

  it("keeps what was typed and says what is wrong with a name", async () => {
    fakeRequest({ cookie: owner.cookie });
    const empty = await createApiKeyAction(undefined, form({ name: "" }));
    expect(empty).toEqual({
      values: { name: "" },
      error: en.admin.apiKeys.fixErrors,
      errors: { name: en.errors.api_key_name_required },
    });
    const name = `Twice ${uniqueTag()}`;
    await createApiKeyAction(undefined, form({ name }));
    const taken = await createApiKeyAction(undefined, form({ name }));
    expect(taken).toMatchObject({ values: { name }, errors: { name: en.errors.api_key_name_taken } });
  });

  it("is linked from the console home for owners only", async () => {
    fakeRequest({ cookie: owner.cookie });
    expect(await render(AdminHome())).toContain('href="/admin/api-keys"');
    const importer = await signedIn("importer");
    fakeRequest({ cookie: importer.cookie });
    expect(await render(AdminHome())).not.toContain('href="/admin/api-keys"');
  });
});

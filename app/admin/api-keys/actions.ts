"use server";

import { revalidatePath } from "next/cache";
import { actionFailure, actorContext, formFailure } from "@/app/admin/action-helpers";
import { requirePermission, requireStepUp } from "@/lib/auth/next";
import { createApiKey, revokeApiKey } from "@/lib/api-keys/manage";
import { asAppError } from "@/lib/http/respond";
import { getTranslator } from "@/lib/i18n/translator";
import { getServices } from "@/lib/services";
import { formString } from "@/lib/validation/form-data";

/** The "Create a key" form's state. The key comes back once, and is shown until the next submission. */
export type CreateApiKeyState = {
  values?: { name: string };
  errors?: Record<string, string>;
  error?: string;
  created?: { name: string; prefix: string; key: string };
  stepUp?: true;
};

/** A key row's revoke form: an error or a notice. */
export type ApiKeyRowState = { error?: string; notice?: string; stepUp?: true };

const API_KEYS_PATH = "/admin/api-keys";

/** Owners: a new key, returned this once (only its hash is stored). */
export async function createApiKeyAction(
  _prev: CreateApiKeyState | undefined,
  form: FormData,
): Promise<CreateApiKeyState> {
  const admin = await requirePermission("apikeys:manage");
  const values = { name: formString(form, "name") };
  try {
    await requireStepUp(admin);
    const { name, prefix, key } = await createApiKey(getServices().db, values, await actorContext(admin));
    revalidatePath(API_KEYS_PATH);
    return { created: { name, prefix, key } };
  } catch (e) {
    return { values, ...formFailure(asAppError(e, "API key action"), getTranslator()("admin.apiKeys.fixErrors")) };
  }
}

/** Owners: revoke a key for good (confirmed); its next call answers 401. */
export async function revokeApiKeyAction(_prev: ApiKeyRowState | undefined, form: FormData): Promise<ApiKeyRowState> {
  const admin = await requirePermission("apikeys:manage");
  try {
    await requireStepUp(admin);
    const result = await revokeApiKey(
      getServices().db,
      { keyId: formString(form, "keyId"), confirm: formString(form, "confirm") },
      await actorContext(admin),
    );
    const t = getTranslator();
    if (!result.changed) return { notice: t("admin.apiKeys.unchanged") };
    revalidatePath(API_KEYS_PATH);
    return { notice: t("admin.apiKeys.revoked", { name: result.name }) };
  } catch (e) {
    return actionFailure(asAppError(e, "API key action"));
  }
}

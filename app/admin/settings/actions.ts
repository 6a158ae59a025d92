"use server";

import { revalidatePath } from "next/cache";
import { actorContext, formFailure } from "@/app/admin/action-helpers";
import { requirePermission, requireStepUp } from "@/lib/auth/next";
import { asAppError } from "@/lib/http/respond";
import { getTranslator } from "@/lib/i18n/translator";
import { getServices } from "@/lib/services";
import { updateCarrierSettings } from "@/lib/settings/carrier";
import { CARRIER_FIELDS, type CarrierField } from "@/lib/config/carrier-fields";
import { formString } from "@/lib/validation/form-data";

/** The settings form's state: what was typed (kept on a refusal), field errors, the outcome. */
export type SettingsState = {
  values?: Record<CarrierField, string>;
  errors?: Record<string, string>;
  error?: string;
  notice?: string;
  stepUp?: true;
};

/** Owners: save the carrier's details; blank fields go back to the configured values (audited). */
export async function saveSettingsAction(_prev: SettingsState | undefined, form: FormData): Promise<SettingsState> {
  const admin = await requirePermission("settings:manage");
  const values = Object.fromEntries(CARRIER_FIELDS.map((k) => [k, formString(form, k).slice(0, 2000)])) as Record<
    CarrierField,
    string
  >;
  const services = getServices();
  const t = getTranslator();
  try {
    // What customers are told to call: a phished session must not change it alone.
    await requireStepUp(admin);
    const { changed } = await updateCarrierSettings(services.carrier, services.db, values, await actorContext(admin));
    revalidatePath("/admin/settings");
    return { notice: t(changed.length > 0 ? "admin.settings.saved" : "admin.settings.unchanged") };
  } catch (e) {
    return { values, ...formFailure(asAppError(e, "settings action"), t("admin.settings.fixErrors")) };
  }
}

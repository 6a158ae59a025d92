"use server";

import { revalidatePath } from "next/cache";
import { actorContext, formFailure } from "@/app/admin/action-helpers";
import { requirePermission, requireStepUp } from "@/lib/auth/next";
import { asAppError } from "@/lib/http/respond";
import { getTranslator } from "@/lib/i18n/translator";
import { TRANSLATION_LOCALES } from "@/lib/incidents/locales";
import { updateNotice, updateOffer } from "@/lib/incidents/notice";
import { NOTICE_TEXT_FIELDS, OFFER_TEXT_FIELDS } from "@/lib/incidents/schemas";
import { importOfferCodes, type CodesImport } from "@/lib/offers/import-codes";
import { formString } from "@/lib/validation/form-data";
import { getServices } from "@/lib/services";

/** What the notice, offer and codes forms get back. */
export type NoticeFormState = {
  values?: Record<string, string>;
  errors?: Record<string, string>;
  error?: string;
  notice?: "saved" | "unchanged";
  loaded?: CodesImport;
  stepUp?: true;
};

/** The translations' form names: "es.noticeWhatHappened"... (English keeps the plain name). */
function translatedNames(fields: readonly string[]) {
  return TRANSLATION_LOCALES.flatMap((l) => fields.map((k) => `${l}.${k}`));
}

const NOTICE_FIELDS = [
  "breachStartedOn",
  "breachEndedOn",
  "discoveredOn",
  "noticeOn",
  "noticeDelayedForLaw",
  "contactPhone",
  "contactUrl",
  "contactMail",
  "noticeWhatHappened",
  "noticeWhatInvolved",
  "noticeWhatWeAreDoing",
  "noticeWhatYouCanDo",
  ...translatedNames(NOTICE_TEXT_FIELDS),
];
const OFFER_FIELDS = [
  "exposesIdNumbers",
  "offerProvider",
  "offerMonths",
  "offerEnrollUrl",
  "offerInstructions",
  ...translatedNames(OFFER_TEXT_FIELDS),
];

const valuesOf = (form: FormData, names: readonly string[]) =>
  Object.fromEntries(names.map((n) => [n, formString(form, n)]));

function failed(e: unknown, values?: Record<string, string>): NoticeFormState {
  return { values, ...formFailure(asAppError(e, "notice editor action"), getTranslator()("admin.notice.fixErrors")) };
}

function refresh(incident: string) {
  revalidatePath("/admin/incidents", "layout");
  revalidatePath(`/notice/${encodeURIComponent(incident)}`);
}

export async function updateNoticeAction(_prev: NoticeFormState | undefined, form: FormData): Promise<NoticeFormState> {
  const admin = await requirePermission("incidents:edit");
  const values = valuesOf(form, NOTICE_FIELDS);
  const incident = formString(form, "incident");
  try {
    // The notice and the offer go live as saved (no draft): confirmed like a publish.
    await requireStepUp(admin);
    const { changed } = await updateNotice(getServices().db, incident, values, await actorContext(admin));
    if (changed.length > 0) refresh(incident);
    return { notice: changed.length > 0 ? "saved" : "unchanged" };
  } catch (e) {
    return failed(e, values);
  }
}

export async function updateOfferAction(_prev: NoticeFormState | undefined, form: FormData): Promise<NoticeFormState> {
  const admin = await requirePermission("incidents:edit");
  const values = valuesOf(form, OFFER_FIELDS);
  const incident = formString(form, "incident");
  try {
    await requireStepUp(admin);
    const { changed } = await updateOffer(
      getServices().db,
      incident,
      formString(form, "category"),
      values,
      await actorContext(admin),
    );
    if (changed.length > 0) refresh(incident);
    return { notice: changed.length > 0 ? "saved" : "unchanged" };
  } catch (e) {
    return failed(e, values);
  }
}

/** A CSV of activation codes into a group's pool; counts come back, the codes never. */
export async function importOfferCodesAction(
  _prev: NoticeFormState | undefined,
  form: FormData,
): Promise<NoticeFormState> {
  const admin = await requirePermission("incidents:edit");
  const file = form.get("file");
  try {
    const csv = file instanceof Blob ? Buffer.from(await file.arrayBuffer()) : "";
    const { db, keyring } = getServices();
    const loaded = await importOfferCodes(
      { db, keyring },
      formString(form, "incident"),
      formString(form, "category"),
      csv,
      await actorContext(admin),
    );
    revalidatePath("/admin/incidents", "layout");
    return { loaded };
  } catch (e) {
    return failed(e);
  }
}

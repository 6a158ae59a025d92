"use client";

import { useTranslations } from "use-intl";
import { useStepUpAction } from "@/components/forms/useStepUpAction";
import { CheckboxField, TextAreaField, TextField } from "@/components/forms/Fields";
import { FormStatus } from "@/components/forms/FormStatus";
import { SubmitButton } from "@/components/forms/SubmitButton";
import type { NoticeFormState } from "@/app/admin/incidents/notice/actions";
import { LocaleColumns } from "@/components/admin/EditorPreview";
import { LIMITS } from "@/lib/incidents/limits";
import { SOURCE_LOCALE, type ContentLocale } from "@/lib/incidents/locales";

const TEXTS = [
  ["noticeWhatHappened", "whatHappened"],
  ["noticeWhatInvolved", "whatInvolved"],
  ["noticeWhatWeAreDoing", "whatWeAreDoing"],
  ["noticeWhatYouCanDo", "whatYouCanDo"],
] as const;
type NoticeText = (typeof TEXTS)[number][0];

/**
 * The notice's fields as the form holds them: dates YYYY-MM-DD or "", the flag "on" or "",
 * the texts in English by their plain names and translated as "es.noticeWhatHappened"...
 */
export type NoticeValues = Record<`${Exclude<ContentLocale, "en">}.${NoticeText}`, string> &
  Record<
    | "breachStartedOn"
    | "breachEndedOn"
    | "discoveredOn"
    | "noticeOn"
    | "noticeDelayedForLaw"
    | "contactPhone"
    | "contactUrl"
    | "contactMail"
    | "noticeWhatHappened"
    | "noticeWhatInvolved"
    | "noticeWhatWeAreDoing"
    | "noticeWhatYouCanDo",
    string
  >;

type Props = {
  action: (prev: NoticeFormState | undefined, form: FormData) => Promise<NoticeFormState>;
  incidentSlug: string;
  initial: NoticeValues;
};

const DATES = ["breachStartedOn", "breachEndedOn", "discoveredOn", "noticeOn"] as const;

/** The breach notice's dates, delay, contacts and section texts (ADR 33). */
export function NoticeFields({ action, incidentSlug, initial }: Props) {
  const t = useTranslations("admin.notice");
  const heading = useTranslations("notice");
  const ti = useTranslations("admin.incidents");
  const [state, formAction, pending, stepUp] = useStepUpAction(action, {});
  const value = (k: keyof NoticeValues) => state.values?.[k] ?? initial[k];
  const errors = state.errors ?? {};
  const id = (name: string) => `notice-${name}`;
  return (
    <>
      <form action={formAction} className="space-y-4" noValidate>
        <FormStatus error={state.error} notice={state.notice ? t(state.notice) : undefined} />
        <input type="hidden" name="incident" value={incidentSlug} />
        <div className="grid gap-4 sm:grid-cols-2">
          {DATES.map((k) => (
            <TextField
              key={k}
              id={id(k)}
              name={k}
              type="date"
              label={t(k)}
              hint={k.startsWith("breach") ? t("breachHint") : ""}
              error={errors[k]}
              defaultValue={value(k)}
            />
          ))}
        </div>
        <CheckboxField
          name="noticeDelayedForLaw"
          label={t("noticeDelayedForLaw")}
          checked={value("noticeDelayedForLaw") === "on"}
        />
        <TextField
          id={id("contactPhone")}
          name="contactPhone"
          label={t("contactPhone")}
          hint=""
          error={errors.contactPhone}
          maxLength={LIMITS.contactPhone}
          defaultValue={value("contactPhone")}
        />
        <TextField
          id={id("contactUrl")}
          name="contactUrl"
          type="url"
          label={t("contactUrl")}
          hint={t("contactUrlHint")}
          error={errors.contactUrl}
          defaultValue={value("contactUrl")}
          className="w-full"
        />
        <TextAreaField
          id={id("contactMail")}
          name="contactMail"
          label={t("contactMail")}
          error={errors.contactMail}
          rows={3}
          maxLength={LIMITS.contactMail}
          defaultValue={value("contactMail")}
        />
        <h3 className="font-medium text-slate-900">{t("texts")}</h3>
        {/* English under the plain names, a translation as "es.<field>" (ADR 36). */}
        <LocaleColumns idPrefix={id("texts")}>
          {(l) =>
            TEXTS.map(([k, h]) => {
              const name = l === SOURCE_LOCALE ? k : (`${l}.${k}` as const);
              return (
                <TextAreaField
                  key={name}
                  id={id(name.replace(".", "-"))}
                  name={name}
                  lang={l}
                  label={ti("inLocale", { field: heading(h), language: ti(`locales.${l}`) })}
                  error={errors[name]}
                  rows={4}
                  maxLength={LIMITS.summary}
                  defaultValue={value(name)}
                />
              );
            })
          }
        </LocaleColumns>
        <SubmitButton pending={pending}>{t("save")}</SubmitButton>
      </form>
      {stepUp}
    </>
  );
}

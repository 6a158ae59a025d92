import { useTranslations } from "use-intl";
import { TextField } from "@/components/forms/Fields";
import { SubmitButton } from "@/components/forms/SubmitButton";
import { ChallengeWidget } from "@/components/check/ChallengeWidget";

type Props = {
  action: (form: FormData) => void;
  pending: boolean;
  open: boolean;
  /** A proof-of-work challenge may be required (CHALLENGE is not off): the widget solves it. */
  challenge?: boolean;
  /** Changes with every answer of the form (a solved challenge works once). */
  round?: unknown;
  defaultPhone?: string;
  error?: string;
};

/** Step 1: the number. Works as a plain HTML form before (or without) hydration. */
export function PhoneForm({ action, pending, open, challenge, round, defaultPhone, error }: Props) {
  const t = useTranslations("check");
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="intent" value="start" />
      <TextField
        name="phone"
        label={t("phoneLabel")}
        hint={t("phoneHint")}
        error={error}
        type="tel"
        inputMode="tel"
        autoComplete="tel"
        data-step-focus
        required
        maxLength={40}
        defaultValue={defaultPhone}
        className="w-full max-w-sm"
      />
      {challenge && (
        <>
          <noscript>
            <p className="rounded-md border border-amber-600 bg-amber-50 p-3 text-slate-900">
              {t("challengeNoScript")}
            </p>
          </noscript>
          <ChallengeWidget round={round} />
        </>
      )}
      <SubmitButton pending={pending}>{open ? t("submitOpen") : t("submit")}</SubmitButton>
    </form>
  );
}

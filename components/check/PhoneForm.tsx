import { useTranslations } from "use-intl";
import { TextField } from "@/components/forms/Fields";
import { SubmitButton } from "@/components/forms/SubmitButton";

type Props = {
  action: (form: FormData) => void;
  pending: boolean;
  open: boolean;
  defaultPhone?: string;
  error?: string;
};

/** Step 1: the number. Works as a plain HTML form before (or without) hydration. */
export function PhoneForm({ action, pending, open, defaultPhone, error }: Props) {
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
      <SubmitButton pending={pending}>{open ? t("submitOpen") : t("submit")}</SubmitButton>
    </form>
  );
}

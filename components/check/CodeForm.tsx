import { useTranslations } from "use-intl";
import { TextField } from "@/components/forms/Fields";
import { SubmitButton } from "@/components/forms/SubmitButton";
import { RestartForm } from "@/components/check/RestartForm";

type Props = {
  action: (form: FormData) => void;
  pending: boolean;
  checkId: string;
  maskedPhone: string;
  error?: string;
};

/** Step 2: the one-time code. The same screen whether or not the number is affected. */
export function CodeForm({ action, pending, checkId, maskedPhone, error }: Props) {
  const t = useTranslations("code");
  return (
    <div className="space-y-4">
      <h2 tabIndex={-1} data-step-focus className="text-xl font-semibold text-slate-900 focus:outline-none">
        {t("title")}
      </h2>
      <p className="text-slate-800">{t("sent", { phone: maskedPhone })}</p>
      <form action={action} className="space-y-4" noValidate>
        <input type="hidden" name="intent" value="verify" />
        <input type="hidden" name="checkId" value={checkId} />
        <input type="hidden" name="maskedPhone" value={maskedPhone} />
        <TextField
          name="code"
          label={t("label")}
          hint={t("hint")}
          error={error}
          type="text"
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9 ]*"
          maxLength={8}
          required
          className="w-40 tracking-widest"
        />
        <SubmitButton pending={pending}>{t("submit")}</SubmitButton>
      </form>
      <RestartForm action={action} label={t("startOver")} />
    </div>
  );
}

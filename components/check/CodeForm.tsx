import { useTranslations } from "use-intl";
import { FieldError, SubmitButton } from "@/components/check/FormParts";

type Props = { action: (form: FormData) => void; pending: boolean; checkId: string; maskedPhone: string; error?: string };

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
        <div>
          <label htmlFor="code" className="block font-medium text-slate-900">
            {t("label")}
          </label>
          <p id="code-hint" className="text-sm text-slate-700">
            {t("hint")}
          </p>
          <input
            id="code"
            name="code"
            type="text"
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="[0-9 ]*"
            maxLength={8}
            required
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? "code-hint code-error" : "code-hint"}
            className="mt-1 block w-40 rounded-md border border-slate-500 px-3 py-2 text-lg tracking-widest text-slate-900 focus:outline-none focus:ring-4 focus:ring-blue-300"
          />
          <FieldError id="code-error" message={error} />
        </div>
        <SubmitButton pending={pending}>{t("submit")}</SubmitButton>
      </form>
      <form action={action}>
        <input type="hidden" name="intent" value="restart" />
        <button type="submit" className="text-blue-800 underline underline-offset-2">
          {t("startOver")}
        </button>
      </form>
    </div>
  );
}

import { useTranslations } from "use-intl";
import { FieldError, SubmitButton } from "@/components/check/FormParts";

type Props = { action: (form: FormData) => void; pending: boolean; open: boolean; defaultPhone?: string; error?: string };

/** Step 1: the number. Works as a plain HTML form before (or without) hydration. */
export function PhoneForm({ action, pending, open, defaultPhone, error }: Props) {
  const t = useTranslations("check");
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="intent" value="start" />
      <div>
        <label htmlFor="phone" className="block font-medium text-slate-900">
          {t("phoneLabel")}
        </label>
        <p id="phone-hint" className="text-sm text-slate-700">
          {t("phoneHint")}
        </p>
        <input
          id="phone"
          name="phone"
          type="tel"
          inputMode="tel"
          autoComplete="tel"
          data-step-focus
          required
          maxLength={40}
          defaultValue={defaultPhone}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "phone-hint phone-error" : "phone-hint"}
          className="mt-1 block w-full max-w-sm rounded-md border border-slate-500 px-3 py-2 text-lg text-slate-900 focus:outline-none focus:ring-4 focus:ring-blue-300"
        />
        <FieldError id="phone-error" message={error} />
      </div>
      <SubmitButton pending={pending}>{open ? t("submitOpen") : t("submit")}</SubmitButton>
    </form>
  );
}

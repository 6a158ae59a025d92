import { useTranslations } from "use-intl";
import { TextField } from "@/components/forms/Fields";
import { LIMITS } from "@/lib/incidents/limits";

/** The slug of a new incident or group: fixed once created (links and imports use it). */
export function SlugField({ id, error, defaultValue }: { id: string; error?: string; defaultValue: string }) {
  const t = useTranslations("admin.incidents");
  return (
    <TextField
      id={id}
      name="slug"
      label={t("slug")}
      hint={t("slugHint")}
      error={error}
      required
      maxLength={LIMITS.slug.max}
      autoComplete="off"
      defaultValue={defaultValue}
      className="w-full max-w-md font-mono"
    />
  );
}

import { useState, type FormEvent } from "react";
import { useTranslations } from "use-intl";
import type { z } from "zod";
import { issueMessages } from "@/lib/validation/issue-messages";

/**
 * Checks a form with its server action's schema before it posts (the server checks
 * again): `check` is the form's onSubmit, and stops the post when the schema refuses.
 * `errors` holds each refused field's message, in the user's words, until the next
 * submission; an issue on the whole form goes to `wholeForm`. Null when nothing was refused.
 */
export function useSchemaCheck(schema: z.ZodType, wholeForm: string) {
  const t = useTranslations() as unknown as (key: string) => string;
  const [errors, setErrors] = useState<Record<string, string> | null>(null);

  function check(event: FormEvent<HTMLFormElement>) {
    const parsed = schema.safeParse(Object.fromEntries(new FormData(event.currentTarget)));
    if (parsed.success) return setErrors(null);
    event.preventDefault();
    setErrors(issueMessages(parsed.error.issues, t, wholeForm));
  }

  return { errors, check };
}

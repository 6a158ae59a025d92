/**
 * Turns a schema's issues into messages, the same way for the API, server actions and
 * forms checked in the browser. Client-safe: no imports.
 */

/** What is read of a zod issue. */
export type Issue = { readonly path: readonly PropertyKey[]; readonly message: string };

// Schemas put i18n keys in their issue messages; zod's own messages are English sentences.
const KEY = /^[a-z]+\.[a-z_]+$/;

/** An issue's i18n key: its message when that is a key, else the generic invalid request. */
export function issueKey(issue: Issue): string {
  return KEY.test(issue.message) ? issue.message : "errors.invalid_request";
}

/**
 * The message of each field's first issue, as an i18n key or, given `translate`, in the
 * user's words. An issue on the whole input goes to `wholeInput`.
 */
export function issueMessages(
  issues: readonly Issue[],
  translate: (key: string) => string = (key) => key,
  wholeInput = "_",
): Record<string, string> {
  const found: Record<string, string> = {};
  for (const issue of issues) found[String(issue.path[0] ?? wholeInput)] ??= translate(issueKey(issue));
  return found;
}

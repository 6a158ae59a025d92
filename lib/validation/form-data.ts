/** A form field as a string: "" when it is absent or a file. For every server action. */
export function formString(form: FormData, name: string): string {
  const v = form.get(name);
  return typeof v === "string" ? v : "";
}

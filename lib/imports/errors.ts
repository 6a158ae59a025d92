/** Why an import cannot start or go on; said to the operator in these words. */
export class ImportError extends Error {
  constructor(
    readonly code:
      | "unknown_incident"
      | "unknown_category"
      | "no_phone_column"
      | "no_category"
      | "empty_file"
      | "not_resumable"
      | "not_found",
    message: string,
  ) {
    super(message);
    this.name = "ImportError";
  }
}

import { getTranslator } from "@/lib/i18n/translator";

/**
 * Why an import cannot start or go on, with what the message names. Each code is a
 * message key under admin.imports.errors: the console and the CLI word it from there.
 */
export type ImportErrorParams = {
  unknown_incident: { incident: string };
  unknown_category: { incident: string; category: string };
  no_phone_column: NoParams;
  no_category: NoParams;
  empty_file: NoParams;
  not_resumable: { batch: number };
  not_found: { batch: number };
  not_undoable: { batch: number };
  not_restorable: { batch: number };
  not_queued: { batch: number };
  batch_incident_gone: { batch: number };
  batch_category_gone: { batch: number };
  /** Anything unexpected: the details are in the importer's or the server's log. */
  failed: NoParams;
};
type NoParams = Record<string, never>;

export type ImportErrorCode = keyof ImportErrorParams;
const CODES: Record<ImportErrorCode, true> = {
  unknown_incident: true,
  unknown_category: true,
  no_phone_column: true,
  no_category: true,
  empty_file: true,
  not_resumable: true,
  not_found: true,
  not_undoable: true,
  not_restorable: true,
  not_queued: true,
  batch_incident_gone: true,
  batch_category_gone: true,
  failed: true,
};

export function isImportErrorCode(code: unknown): code is ImportErrorCode {
  return typeof code === "string" && Object.hasOwn(CODES, code);
}

type ParamArgs<C extends ImportErrorCode> = ImportErrorParams[C] extends NoParams ? [] : [ImportErrorParams[C]];

export class ImportError<C extends ImportErrorCode = ImportErrorCode> extends Error {
  readonly params: ImportErrorParams[C];
  constructor(
    readonly code: C,
    ...[params]: ParamArgs<C>
  ) {
    super(code);
    this.name = "ImportError";
    this.params = (params ?? {}) as ImportErrorParams[C];
  }
}

/** The importer's --json failure line: `{"error": {"code", …params}}`, never a sentence. */
export function importFailureLine(error: unknown): {
  error: { code: ImportErrorCode } & Record<string, string | number>;
} {
  const e: ImportError = error instanceof ImportError ? error : new ImportError("failed");
  return { error: { ...e.params, code: e.code } };
}

/** The error a failure line reports; a code this version does not know is the generic failure. */
export function importErrorFromLine({
  code,
  ...params
}: { code: string } & Record<string, string | number>): ImportError {
  if (!isImportErrorCode(code)) return new ImportError("failed");
  return new (ImportError as new (code: ImportErrorCode, params: object) => ImportError)(code, params);
}

type T = ReturnType<typeof getTranslator>;
type Translate = (key: `admin.imports.errors.${ImportErrorCode}`, values: Record<string, string>) => string;

/** The error in the reader's words; anything but an ImportError is the generic failure. */
export function importErrorMessage(error: unknown, t: T = getTranslator()): string {
  const e: ImportError = error instanceof ImportError ? error : new ImportError("failed");
  // Params name things (a slug, a batch id), never quantities: shown as given.
  const values = Object.fromEntries(Object.entries(e.params).map(([k, v]) => [k, String(v)]));
  return (t as unknown as Translate)(`admin.imports.errors.${e.code}`, values);
}

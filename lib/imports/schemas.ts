import { z } from "zod";

/** An import batch's number, as it arrives in a path, a form field or a query. */
export const BatchId = z.coerce.number().int().positive().max(2_147_483_647);

/** The console's confirm step: dry run or import of an upload, or the resume of a batch. */
export const ConfirmImport = z.object({
  uploadId: z.string().regex(/^[A-Za-z0-9_-]{22}$/),
  name: z.string().trim().min(1).max(200),
  incident: z.string().min(1).max(100),
  category: z.string().max(100),
  mode: z.enum(["dry-run", "import"]),
  resume: z.union([z.literal(""), BatchId]).optional(),
});

/**
 * Undo from the console: the form's confirmation step sends `confirm`; without it (a
 * bare POST, an old page) the server refuses and shows the confirmation instead.
 */
export const UndoImport = z.object({
  batchId: BatchId,
  confirm: z.literal("undo"),
});

/** The history's filters, from the query (anything else is ignored, not an error). */
export const HistoryQuery = z.object({
  incident: z.string().min(1).max(100).optional().catch(undefined),
  status: z.enum(["queued", "running", "completed", "failed", "undone", "interrupted"]).optional().catch(undefined),
});

/** The importer's last line with --json when it succeeds: its figures (scripts/import.ts). */
export const ImporterSummaryLine = z.object({
  batchId: z.number().int().nullable(),
  rows: z.number().int(),
  imported: z.number().int(),
  duplicates: z.number().int(),
  rejected: z.number().int(),
  seconds: z.number(),
});

/** …and when it fails: the ImportError's code and what its message names. */
export const ImporterFailureLine = z.object({
  error: z.object({ code: z.string() }).catchall(z.union([z.string(), z.number()])),
});

/** What the history says after an undo or a restore (the query its redirect carries). */
export const HistoryOutcome = z.enum(["undone", "restored"]).optional().catch(undefined);

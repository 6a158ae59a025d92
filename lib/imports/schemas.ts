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

import { Readable } from "node:stream";
import busboy from "busboy";
import { recordAudit } from "@/lib/audit/record";
import { AppError } from "@/lib/errors";
import { BatchId } from "@/lib/imports/schemas";
import { saveUpload } from "@/lib/imports/uploads";
import { getServices, route } from "@/lib/services";

/**
 * POST /api/admin/imports (multipart, field "file"): streams the CSV to disk and sends
 * the form on to its preview (303), or answers 201 {uploadId} to API clients.
 */
export const POST = route(
  async ({ req, admin, ip }) => {
    const type = req.headers.get("content-type") ?? "";
    if (!type.startsWith("multipart/form-data") || !req.body) throw new AppError("unsupported_media_type");
    const limit = getServices().config.imports.maxUploadBytes;
    if (Number(req.headers.get("content-length") ?? 0) > limit + 64 * 1024) throw new AppError("payload_too_large");
    // "resume": the batch this file is uploaded again for (the form puts it before the file).
    let resume: number | undefined;
    const saved = await new Promise<{ id: string; bytes: number; name: string }>((resolve, reject) => {
      const bb = busboy({ headers: { "content-type": type }, limits: { files: 1, fields: 5, fieldSize: 64 } });
      let got = false;
      bb.on("field", (name, value) => {
        if (name !== "resume" || value === "") return;
        const id = BatchId.safeParse(value);
        if (id.success) resume = id.data;
        else reject(new AppError("invalid_request", { fields: { resume: "errors.batch_invalid" } }));
      });
      bb.on("file", (_field, stream, info) => {
        got = true;
        saveUpload(stream, limit)
          .then((r) => resolve({ ...r, name: (info.filename || "upload.csv").slice(0, 200) }))
          .catch(reject);
      });
      bb.on("error", () => reject(new AppError("invalid_request")));
      bb.on("close", () => !got && reject(new AppError("invalid_request")));
      Readable.fromWeb(req.body as import("node:stream/web").ReadableStream).pipe(bb);
    });
    await recordAudit(getServices().db, {
      actorId: admin.id,
      actorEmail: admin.email,
      action: "import_uploaded",
      target: saved.name,
      details: { bytes: saved.bytes },
      ip,
    });
    if ((req.headers.get("accept") ?? "").includes("application/json")) {
      return Response.json({ uploadId: saved.id, bytes: saved.bytes }, { status: 201 });
    }
    const query = new URLSearchParams({ name: saved.name, ...(resume ? { resume: String(resume) } : {}) });
    const next = new URL(`/admin/imports/upload/${saved.id}?${query}`, req.url);
    return new Response(null, { status: 303, headers: { location: next.pathname + next.search } });
  },
  { permission: "imports:run" },
);

import { Readable } from "node:stream";
import { AppError } from "@/lib/errors";
import { checkUploadSpace, receiveUpload } from "@/lib/imports/uploads";
import { getServices, route } from "@/lib/services";

/**
 * POST /api/admin/imports (multipart, field "file"): streams the CSV to disk and sends
 * the form on to its preview (303), or answers 201 {uploadId} to API clients. Refused
 * (413 insufficient_space) when the disk could not take it.
 */
export const POST = route(
  async ({ req, admin, ip }) => {
    const type = req.headers.get("content-type") ?? "";
    if (!type.startsWith("multipart/form-data") || !req.body) throw new AppError("unsupported_media_type");
    const { db, config } = getServices();
    const limit = config.imports.maxUploadBytes;
    const declared = Number(req.headers.get("content-length") ?? 0) || 0;
    if (declared > limit + 64 * 1024) throw new AppError("payload_too_large");
    await checkUploadSpace(declared, config.imports.minFreeBytes);
    const saved = await receiveUpload(
      db,
      Readable.fromWeb(req.body as import("node:stream/web").ReadableStream),
      type,
      limit,
      { actor: { id: admin.id, email: admin.email }, ip },
    );
    if ((req.headers.get("accept") ?? "").includes("application/json")) {
      return Response.json({ uploadId: saved.id, bytes: saved.bytes }, { status: 201 });
    }
    const query = new URLSearchParams({ name: saved.name, ...(saved.resume ? { resume: String(saved.resume) } : {}) });
    const next = new URL(`/admin/imports/upload/${saved.id}?${query}`, req.url);
    return new Response(null, { status: 303, headers: { location: next.pathname + next.search } });
  },
  { permission: "imports:run" },
);

import type { IncomingMessage } from "node:http";
import { AppError } from "@/lib/errors";

export const MAX_BODY_BYTES = 16 * 1024;

/** Reads a JSON body of at most MAX_BODY_BYTES without trusting Content-Length. */
export async function readJson(req: Request, limit = MAX_BODY_BYTES): Promise<unknown> {
  checkHeaders(req.headers.get("content-type"), req.headers.get("content-length"), limit);
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (req.body) {
    const reader = req.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        await reader.cancel();
        throw new AppError("payload_too_large");
      }
      chunks.push(value);
    }
  }
  return parseJson(chunks);
}

/**
 * readJson for a Node request (the lean server path, which makes no web Request). Past the
 * limit it answers at once and lets the rest drain unread, so the 413 reaches the client.
 */
export function readNodeJson(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<unknown> {
  const header = (name: string) => {
    const value = req.headers[name];
    return typeof value === "string" ? value : null;
  };
  return new Promise((resolve, reject) => {
    try {
      checkHeaders(header("content-type"), header("content-length"), limit);
    } catch (error) {
      req.resume();
      reject(error as Error);
      return;
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    let over = false;
    req.on("data", (chunk: Buffer) => {
      if (over) return;
      size += chunk.byteLength;
      if (size <= limit) return void chunks.push(chunk);
      over = true;
      chunks.length = 0;
      reject(new AppError("payload_too_large"));
    });
    req.on("end", () => {
      if (over) return;
      try {
        resolve(parseJson(chunks));
      } catch (error) {
        reject(error as Error);
      }
    });
    req.on("error", reject);
  });
}

function checkHeaders(type: string | null, length: string | null, limit: number): void {
  if (!/^application\/([\w.+-]+\+)?json\b/i.test(type ?? "")) throw new AppError("unsupported_media_type");
  if (Number(length ?? "0") > limit) throw new AppError("payload_too_large");
}

function parseJson(chunks: Uint8Array[]): unknown {
  const text = Buffer.concat(chunks).toString("utf8");
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("invalid_request");
  }
}

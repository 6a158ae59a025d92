import { isHexColor } from "@/lib/config/carrier-fields";

/**
 * The carrier's colour as a stylesheet: the CSP admits no inline style, and a stylesheet
 * of our own is style-src 'self'. The colour is in the address (?c=rrggbb, written by
 * app/layout.tsx from the settings), so each colour is its own immutable file and this
 * route reads nothing; anything else gets the default.
 */
export async function GET(req: Request): Promise<Response> {
  const c = `#${new URL(req.url).searchParams.get("c") ?? ""}`;
  const body = isHexColor(c) ? `:root{--carrier-color:${c.toLowerCase()}}\n` : "";
  return new Response(body, {
    headers: {
      "content-type": "text/css; charset=utf-8",
      "cache-control": "public, max-age=31536000, immutable",
      "x-content-type-options": "nosniff",
    },
  });
}

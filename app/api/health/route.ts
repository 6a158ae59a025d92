import { route } from "@/lib/http/route";
import { json } from "@/lib/http/respond";
import { AppError } from "@/lib/errors";
import { getServices } from "@/lib/services";

/** GET /api/health → 200 when the app and its database answer. */
export const GET = route(async () => {
  try {
    await getServices().db.$queryRaw`SELECT 1`;
  } catch {
    throw new AppError("unavailable");
  }
  return json({ status: "ok" });
});

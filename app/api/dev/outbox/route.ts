import { json } from "@/lib/http/respond";
import { AppError } from "@/lib/errors";
import { readOutbox } from "@/lib/sms/outbox";
import { getServices, route } from "@/lib/services";

/** GET /api/dev/outbox → the demo provider's messages, newest first; 404 under any other provider. */
export const GET = route(async () => {
  const { config, db } = getServices();
  if (config.smsProvider !== "outbox") throw new AppError("not_found");
  return json({ messages: await readOutbox(db) });
});

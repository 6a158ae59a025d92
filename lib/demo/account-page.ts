import "server-only";
import { z } from "zod";
import { createApiKey } from "@/lib/api-keys/manage";
import { fromKey, hashApiKey, API_KEY_PREFIX } from "@/lib/api-keys/keys";
import type { Db } from "@/lib/db/client";
import { ExposureResultSchema, type ExposureResult } from "@/lib/exposures/types";
import type { Keyring } from "@/lib/hashing/keyring";
import { isAppError } from "@/lib/errors";

/**
 * The demo of a carrier's account page (/demo/account): fictional accounts on the demo
 * numbers (README "Demo numbers"), and the demo's own API key, with which the page's
 * server calls the integration API as a carrier's would.
 */

export const DEMO_ACCOUNTS = [
  { id: "alex", name: "Alex Rivera", e164: "+12065550100", display: "+1 206-555-0100" },
  { id: "sam", name: "Sam Okafor", e164: "+12065550101", display: "+1 206-555-0101" },
  { id: "jordan", name: "Jordan Lee", e164: "+12065550102", display: "+1 206-555-0102" },
  { id: "casey", name: "Casey Morgan", e164: "+12065550103", display: "+1 206-555-0103" },
  { id: "riley", name: "Riley Chen", e164: "+12065550199", display: "+1 206-555-0199" },
] as const;

export type DemoAccount = (typeof DEMO_ACCOUNTS)[number];

/** The sign-in form's one field: which demo account (the page is a GET form, no session). */
export const DemoSignInQuery = z.object({
  account: z.enum(DEMO_ACCOUNTS.map((a) => a.id) as [DemoAccount["id"], ...DemoAccount["id"][]]),
});

export function demoAccount(query: unknown): DemoAccount | null {
  const parsed = DemoSignInQuery.safeParse(query);
  return parsed.success ? DEMO_ACCOUNTS.find((a) => a.id === parsed.data.account)! : null;
}

export const DEMO_ACTOR = { id: null, email: "demo" } as const;

/**
 * The demo's API key: derived from the lookup key, so every process of a deployment has
 * the same one without storing it, and created (hashed, audited as "demo") on first use.
 * It is listed in the console like any key; once an owner revokes it, it stays revoked.
 */
export async function demoApiKey(db: Db, keyring: Keyring): Promise<string> {
  const key = `${API_KEY_PREFIX}${keyring.digest("demo-api-key", "account-page").toString("base64url")}`;
  const exists = await db.apiKey.findUnique({
    where: { keyHash: new Uint8Array(hashApiKey(key)) },
    select: { id: true },
  });
  if (!exists) {
    try {
      // The key version in the name: a rotated lookup key makes a new demo key.
      await createApiKey(
        db,
        { name: `Demo account page (key version ${keyring.current.version})` },
        { actor: DEMO_ACTOR },
        fromKey(key),
      );
    } catch (e) {
      // Another request created it at the same moment.
      if (!(isAppError(e) && e.code === "name_taken")) throw e;
    }
  }
  return key;
}

export type DemoLookup = { status: number; body: unknown; result: ExposureResult | null; path: string };

/** Calls the integration API's handler in-process, exactly as over HTTP, with the demo key. */
export async function demoLookup(
  handler: (req: Request, ctx: { params: Promise<{ phone: string }> }) => Promise<Response>,
  key: string,
  account: DemoAccount,
  forwardedFor: string | null,
): Promise<DemoLookup> {
  const phone = encodeURIComponent(account.e164);
  const path = `/api/v1/exposures/${phone}`;
  const headers = new Headers({ authorization: `Bearer ${key}` });
  if (forwardedFor) headers.set("x-forwarded-for", forwardedFor);
  const res = await handler(new Request(`http://localhost${path}`, { headers }), {
    params: Promise.resolve({ phone }),
  });
  const body: unknown = await res.json();
  const parsed = ExposureResultSchema.safeParse(body);
  return {
    status: res.status,
    body,
    result: res.ok && parsed.success ? parsed.data : null,
    path: `/api/v1/exposures/${account.e164}`,
  };
}

import type { AdminAuth } from "@/lib/auth/auth";
import type { Db } from "@/lib/db/client";
import type { Keyring } from "@/lib/hashing/keyring";
import type { FailureCaps, Limits } from "@/lib/rate-limit/limits";

/** What sign-in and session checks need; passed in so tests can give a clock and limits. */
export type AuthDeps = {
  db: Db;
  auth: AdminAuth;
  /** For the per-email limit's key: a keyed digest, never the email itself. */
  keyring: Keyring;
  limits: Pick<Limits, "signInPerIp">;
  caps: Pick<FailureCaps, "signInFailPerEmail" | "stepUpFailPerUser">;
  now: () => Date;
  /** A session unused for this long is ended. */
  idleSeconds: number;
  /** Signs the known-device cookie (deriveDeviceKey in lib/auth/auth.ts). */
  deviceKey: Buffer;
  secureCookies: boolean;
  /** ADMIN_MFA=required: no console door before a second factor is enrolled. */
  mfaRequired: boolean;
  /** ADMIN_STEP_UP_SECONDS: how recent a confirmed factor a high-risk action needs. */
  stepUpSeconds: number;
};

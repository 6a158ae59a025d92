import type { AdminAuth } from "@/lib/auth/auth";
import type { Db } from "@/lib/db/client";
import type { Keyring } from "@/lib/hashing/keyring";
import type { Limits } from "@/lib/rate-limit/limits";

/** What sign-in and session checks need; passed in so tests can give a clock and limits. */
export type AuthDeps = {
  db: Db;
  auth: AdminAuth;
  /** For the per-email limit's key: a keyed digest, never the email itself. */
  keyring: Keyring;
  limits: Pick<Limits, "signInPerIp" | "signInPerEmail">;
  now: () => Date;
  /** A session unused for this long is ended. */
  idleSeconds: number;
};

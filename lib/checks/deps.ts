import type { Db } from "@/lib/db/client";
import type { Sql } from "@/lib/db/sql";
import type { Keyring } from "@/lib/hashing/keyring";
import type { Limits } from "@/lib/rate-limit/limits";
import type { SmsProvider } from "@/lib/sms/provider";

/** What the check flow needs; passed in so tests can give a clock and a real database. */
export type CheckDeps = {
  db: Db;
  /** The lookup's direct queries (lib/db/sql.ts). */
  sql: Sql;
  keyring: Keyring;
  limits: Limits;
  sms: SmsProvider;
  mode: "verified" | "open";
  region: string;
  now: () => Date;
};

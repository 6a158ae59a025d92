import type { ChallengeGate } from "@/lib/challenge/gate";
import type { CheckCounter } from "@/lib/dashboard/check-stats";
import type { Db } from "@/lib/db/client";
import type { Sql } from "@/lib/db/sql";
import type { Keyring } from "@/lib/hashing/keyring";
import type { FailureCaps, Limits } from "@/lib/rate-limit/limits";
import type { SendBudget } from "@/lib/sms/budget";
import type { ConversionWatch } from "@/lib/sms/conversion";
import type { DestinationPolicy } from "@/lib/sms/destination-policy";
import type { SmsProvider } from "@/lib/sms/provider";
import type { CarrierSettingsStore } from "@/lib/settings/carrier";

/** What the check flow needs; passed in so tests can give a clock and a real database. */
export type CheckDeps = {
  db: Db;
  /** The hot paths' direct queries (lib/db/sql.ts): the lookup, and a check's own statements. */
  sql: Sql;
  /** The dashboard's checks per day, counted in memory and written in batches. */
  counts: Pick<CheckCounter, "add">;
  keyring: Keyring;
  limits: Limits;
  sms: SmsProvider;
  mode: "verified" | "open";
  region: string;
  now: () => Date;
  // The guards in front of every text (docs/adr/0017-abuse-resistance.md).
  /** Wrong codes per number, across its checks. */
  failureCaps: FailureCaps;
  /** Which numbers may get a text at all. */
  destinations: DestinationPolicy;
  budget: Pick<SendBudget, "reserveOrThrow">;
  conversion: Pick<ConversionWatch, "recordSent" | "recordVerified">;
  challenge: Pick<ChallengeGate, "enforce">;
  /** PUBLIC_URL: its host ends the code's text (lib/sms/code-message.ts). */
  publicUrl: string;
  /** The carrier's name and support number, in the code's text. */
  carrier: Pick<CarrierSettingsStore, "current">;
};

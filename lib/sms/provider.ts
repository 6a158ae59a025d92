import { AppError } from "@/lib/errors";

/** A text as the demo outbox keeps it: the recipient masked. */
export type OutboxRow = { to: string; body: string };

/** Sends one text message. Implementations must not log the recipient. */
export interface SmsProvider {
  readonly name: string;
  send(toE164: string, body: string): Promise<void>;
  /**
   * Only a provider that delivers by writing a database row (the demo outbox): the row.
   * The start of a check writes it in the check's own statement instead of calling send(),
   * so a start stays one statement and one commit (docs/adr/0031-check-hot-path.md).
   */
  outboxRow?(toE164: string, body: string): OutboxRow;
}

/**
 * A message the provider did not accept. To the customer it is a 503 ("try again in a
 * moment"); `message` says why for the log, with any number in it masked.
 */
export class SmsSendError extends AppError {
  constructor(
    reason: string,
    readonly httpStatus?: number,
    readonly providerCode?: number,
  ) {
    super("unavailable");
    this.name = "SmsSendError";
    this.message = reason;
  }
}

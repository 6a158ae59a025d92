import { AppError } from "@/lib/errors";

/** Sends one text message. Implementations must not log the recipient. */
export interface SmsProvider {
  readonly name: string;
  send(toE164: string, body: string): Promise<void>;
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

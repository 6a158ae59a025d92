/** Sends one text message. Implementations must not log the recipient. */
export interface SmsProvider {
  readonly name: string;
  send(toE164: string, body: string): Promise<void>;
}

/**
 * NANP's fictional range, 555-0100 to 555-0199 in any area code: numbers reserved for
 * films and examples, never assigned to anyone. The demo outbox shows every code it
 * "sends", so under SMS_PROVIDER=outbox only these numbers get one; with a real list
 * imported, any other number would turn the outbox into an open oracle.
 */
const DEMO_RANGE = /^\+1[2-9]\d{2}55501\d{2}$/;

/** Whether an E.164 number is in the fictional demo range. */
export function isDemoNumber(e164: string): boolean {
  return DEMO_RANGE.test(e164);
}

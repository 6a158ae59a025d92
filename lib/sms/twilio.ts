import type { Logger } from "pino";
import { Agent, request } from "undici";
import { log } from "@/lib/log";
import { maskNumbersInText } from "@/lib/phone/mask-text";
import { SmsSendError, type SmsProvider } from "@/lib/sms/provider";
import type { TwilioConfig } from "@/lib/config/twilio";

export const TWILIO_TIMEOUT_MS = 10_000;

type TwilioAnswer = { sid?: unknown; status?: unknown; code?: unknown; message?: unknown; more_info?: unknown };

/**
 * Texts through Twilio's Messages API (POST …/Accounts/{sid}/Messages.json, form body,
 * HTTP Basic auth). No retries: a POST that timed out may still have been sent, and a
 * second code text is worse than asking the customer to try again.
 */
export function twilioProvider(config: TwilioConfig, opts: { logger?: Logger; timeoutMs?: number } = {}): SmsProvider {
  const logger = (opts.logger ?? log).child({ sms: "twilio" });
  const timeoutMs = opts.timeoutMs ?? TWILIO_TIMEOUT_MS;
  const url = new URL(`${config.baseUrl}/2010-04-01/Accounts/${encodeURIComponent(config.accountSid)}/Messages.json`);
  const authorization = `Basic ${Buffer.from(`${config.accountSid}:${config.authToken}`).toString("base64")}`;
  // undici's request() on a keep-alive pool of its own, not fetch: in the app's processes
  // global fetch is Next.js's patched one (tracing spans, its cache's bookkeeping) over web
  // streams, a tenth of a start's CPU for one small POST (docs/adr/0044-twilio-over-undici-and-the-starts-ceiling.md).
  // Idle connections close after 4 s, before a server's own idle timeout could close one
  // as it is reused (a POST is never retried).
  const agent = new Agent({ keepAliveTimeout: 4_000, keepAliveMaxTimeout: 4_000 });
  const sender: Record<string, string> =
    "from" in config.sender ? { From: config.sender.from } : { MessagingServiceSid: config.sender.messagingServiceSid };

  const fail = (reason: string, status?: number, code?: number): never => {
    // Credentials or Twilio itself at fault: an operator must act. Else the number was refused.
    const level = status === undefined || status === 401 || status === 403 || status >= 500 ? "error" : "warn";
    logger[level]({ httpStatus: status, providerCode: code }, reason);
    throw new SmsSendError(reason, status, code);
  };

  return {
    name: "twilio",
    async send(toE164, body) {
      const started = performance.now();
      let res: { status: number; text: string };
      try {
        res = await post(
          agent,
          url,
          authorization,
          new URLSearchParams({ To: toE164, ...sender, Body: body }),
          timeoutMs,
        );
      } catch (e) {
        return fail(
          e === TIMED_OUT
            ? `Twilio did not answer within ${timeoutMs} ms`
            : `Twilio could not be reached: ${describe(e)}`,
        );
      }
      let answer: TwilioAnswer | undefined;
      try {
        answer = JSON.parse(res.text) as TwilioAnswer;
      } catch {
        answer = undefined;
      }
      if (res.status < 200 || res.status > 299) {
        const code = typeof answer?.code === "number" ? answer.code : undefined;
        // Twilio's messages quote the number ("The 'To' number +1… is not valid"): masked.
        const detail = typeof answer?.message === "string" ? `: ${maskNumbersInText(answer.message)}` : "";
        return fail(
          `Twilio refused the message (HTTP ${res.status}${code ? `, error ${code}` : ""})${detail}`,
          res.status,
          code,
        );
      }
      if (typeof answer?.sid !== "string")
        return fail(`Twilio answered HTTP ${res.status} without a message sid`, res.status);
      logger.info(
        { sid: answer.sid, status: answer.status, ms: Math.round(performance.now() - started) },
        "SMS accepted by Twilio",
      );
    },
  };
}

const TIMED_OUT = new Error("timed out");

/** One form POST, its answer's status and text; rejects with TIMED_OUT past `timeoutMs` in all. */
async function post(
  agent: Agent,
  url: URL,
  authorization: string,
  form: URLSearchParams,
  timeoutMs: number,
): Promise<{ status: number; text: string }> {
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const res = await request(url, {
      method: "POST",
      dispatcher: agent,
      signal,
      headers: {
        authorization,
        accept: "application/json",
        "content-type": "application/x-www-form-urlencoded",
      },
      body: form.toString(),
    });
    return { status: res.statusCode, text: await res.body.text() };
  } catch (e) {
    throw signal.aborted ? TIMED_OUT : e;
  }
}

function describe(e: unknown): string {
  const cause = e instanceof Error && e.cause instanceof Error ? ` (${e.cause.message})` : "";
  return maskNumbersInText(`${e instanceof Error ? e.message : String(e)}${cause}`);
}

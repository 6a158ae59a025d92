import { format } from "node:util";
import pino, { type DestinationStream, type Level, type Logger } from "pino";
import { maskNumbersInText } from "@/lib/phone/mask-text";

/**
 * Fields that could carry a phone number, a one-time code, a message body or a
 * credential, up to three levels deep (a pino wildcard spans one level; deeper strings
 * still get the digit masking below). The domain never passes raw numbers
 * to the logger in the first place; this and the masking below are the second line.
 */
const SENSITIVE_FIELDS = [
  "phone",
  "phoneNumber",
  "e164",
  "msisdn",
  "number",
  "to",
  "To",
  "recipient",
  "code",
  "otp",
  "body",
  "Body",
  "cookie",
  "authorization",
  "password",
  "secret",
  "token",
  "authToken",
];
const REDACT_PATHS = [
  ...SENSITIVE_FIELDS.flatMap((f) => [f, `*.${f}`, `*.*.${f}`]),
  ...["set-cookie", "x-api-key"].flatMap((h) => [`headers["${h}"]`, `*.headers["${h}"]`]),
];

/** Error codes such as P2002 or ECONNREFUSED stay readable; a code of digits does not. */
function censor(value: unknown, path: string[]): unknown {
  const isErrorCode = path.at(-1) === "code" && typeof value === "string" && /^[A-Za-z_][\w.-]*$/.test(value);
  return isErrorCode ? value : "[redacted]";
}

const MAX_DEPTH = 6;

/** Masks digit runs in every string of a log record; errors are serialized first. */
function scrub(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return maskNumbersInText(value);
  if (depth >= MAX_DEPTH || value === null || typeof value !== "object") return value;
  if (value instanceof Error) return scrub({ ...pino.stdSerializers.err(value) }, depth);
  if (Array.isArray(value)) return value.map((v) => scrub(v, depth + 1));
  if (value instanceof Date) return value;
  const out: Record<string, unknown> = {};
  for (const key in value) out[key] = scrub((value as Record<string, unknown>)[key], depth + 1);
  return out;
}

/** The message of a log call, formatted and masked (printf arguments included). */
function maskArgs(args: unknown[]): unknown[] {
  const first = args[0];
  if (first instanceof Error && typeof args[1] !== "string") {
    // pino would take the message from the error unmasked: pass it explicitly.
    return [{ err: first }, maskNumbersInText(first.message)];
  }
  const msgAt = typeof first === "string" ? 0 : 1;
  const msg = args[msgAt];
  if (typeof msg !== "string") return args;
  return [
    ...args.slice(0, msgAt),
    maskNumbersInText(args.length > msgAt + 1 ? format(msg, ...args.slice(msgAt + 1)) : msg),
  ];
}

export type LoggerOptions = { level?: Level | "silent"; destination?: DestinationStream };

/**
 * JSON lines with level labels and ISO times; tests pass their own destination.
 * pino applies no formatter to child bindings: bind static context only, never input.
 */
export function createLogger(opts: LoggerOptions = {}): Logger {
  return pino(
    {
      level: opts.level ?? process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "silent" : "info"),
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: {
        level: (label) => ({ level: label }),
        log: (record) => scrub(record) as Record<string, unknown>,
      },
      // Errors are already serialized (and masked) by the log formatter above.
      serializers: { err: (e: unknown) => (e instanceof Error ? scrub(e) : e) },
      hooks: {
        logMethod(args, method) {
          method.apply(this, maskArgs(args) as Parameters<typeof method>);
        },
      },
      redact: { paths: REDACT_PATHS, censor },
    },
    opts.destination,
  );
}

/** The one logger. */
export const log = createLogger();

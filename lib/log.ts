import pino from "pino";

/**
 * The one logger. Anything that could carry a phone number is redacted by path, and
 * the domain never passes raw numbers to it in the first place.
 */
export const log = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "silent" : "info"),
  base: undefined,
  redact: {
    paths: ["phone", "e164", "number", "*.phone", "*.e164", "*.number", "body.phone", "req.body", "code", "*.code"],
    censor: "[redacted]",
  },
});

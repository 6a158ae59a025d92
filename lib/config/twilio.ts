import { z } from "zod";

/** Twilio's settings, part of the environment schema in lib/config.ts. */
export const twilioEnv = {
  TWILIO_ACCOUNT_SID: z
    .string()
    .regex(/^AC[0-9a-fA-F]{32}$/, "must be AC followed by 32 hex characters (Twilio console → Account info)")
    .optional(),
  TWILIO_AUTH_TOKEN: z.string().min(16, "must be the account's auth token (32 characters)").optional(),
  TWILIO_FROM: z
    .string()
    .regex(
      /^(\+[1-9]\d{6,14}|\d{3,8}|[A-Za-z0-9 ]*[A-Za-z][A-Za-z0-9 ]*)$/,
      "must be an E.164 number (+12065550100), a short code or an alphanumeric sender ID",
    )
    .optional(),
  TWILIO_MESSAGING_SERVICE_SID: z
    .string()
    .regex(/^MG[0-9a-fA-F]{32}$/, "must be MG followed by 32 hex characters")
    .optional(),
  TWILIO_BASE_URL: z
    .url({ error: "must be a URL" })
    // The auth token travels with every request: plain HTTP only to this machine (tests, stubs).
    .refine(
      (u) => u.startsWith("https://") || /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?(\/|$)/.test(u),
      "must be https:// (http:// only for localhost)",
    )
    .default("https://api.twilio.com"),
};

type TwilioEnv = { SMS_PROVIDER?: unknown } & { [K in keyof typeof twilioEnv]?: unknown };

/** With SMS_PROVIDER=twilio: the variables that are missing, one line each. */
export function twilioProblems(env: TwilioEnv): { path: string; message: string }[] {
  if (env.SMS_PROVIDER !== "twilio") return [];
  const problems: { path: string; message: string }[] = [];
  for (const name of ["TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN"] as const) {
    if (env[name] === undefined) problems.push({ path: name, message: "is required when SMS_PROVIDER=twilio" });
  }
  if (env.TWILIO_FROM === undefined && env.TWILIO_MESSAGING_SERVICE_SID === undefined) {
    problems.push({
      path: "TWILIO_FROM",
      message: "is required when SMS_PROVIDER=twilio, unless TWILIO_MESSAGING_SERVICE_SID is set",
    });
  } else if (env.TWILIO_FROM !== undefined && env.TWILIO_MESSAGING_SERVICE_SID !== undefined) {
    problems.push({
      path: "TWILIO_FROM",
      message: "must not be set with TWILIO_MESSAGING_SERVICE_SID: choose one sender",
    });
  }
  return problems;
}

export type TwilioConfig = {
  accountSid: string;
  authToken: string;
  sender: { from: string } | { messagingServiceSid: string };
  baseUrl: string;
};

/** The provider's settings once the schema and twilioProblems() have passed. */
export function toTwilioConfig(env: z.output<z.ZodObject<typeof twilioEnv>>): TwilioConfig {
  return {
    accountSid: env.TWILIO_ACCOUNT_SID!,
    authToken: env.TWILIO_AUTH_TOKEN!,
    sender: env.TWILIO_MESSAGING_SERVICE_SID
      ? { messagingServiceSid: env.TWILIO_MESSAGING_SERVICE_SID }
      : { from: env.TWILIO_FROM! },
    baseUrl: env.TWILIO_BASE_URL.replace(/\/+$/, ""),
  };
}

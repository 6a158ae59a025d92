import { z } from "zod";
import {
  DEMO_CARRIER,
  isDialable,
  isLogoUrl,
  isReadableColor,
  isWebUrl,
  LIMITS,
  MIN_CONTRAST,
  type CarrierSettings,
} from "@/lib/config/carrier-fields";

/**
 * The carrier's public details as configured: the defaults owners may override at run
 * time (/admin/settings, lib/settings/carrier.ts). Part of the environment schema in
 * lib/config.ts; unset, a fictional demo carrier.
 */
export const carrierEnv = {
  CARRIER_NAME: z.string().trim().min(1).max(LIMITS.name).default(DEMO_CARRIER.name),
  CARRIER_LOGO_URL: z
    .string()
    .trim()
    .max(LIMITS.logoUrl)
    .refine(isLogoUrl, "must be a path on this site (/logo.svg) or an https:// address")
    .default(DEMO_CARRIER.logoUrl),
  CARRIER_COLOR: z
    .string()
    .trim()
    .refine(isReadableColor, `must be #RRGGBB with a contrast of ${MIN_CONTRAST}:1 or more against white text`)
    .default(DEMO_CARRIER.color),
  CARRIER_SUPPORT_PHONE: z
    .string()
    .trim()
    .max(LIMITS.supportPhone)
    .refine(isDialable, "must be a number as customers dial it, such as 1-800-555-0175 or 611")
    .default(DEMO_CARRIER.supportPhone),
  CARRIER_SUPPORT_URL: z
    .string()
    .trim()
    .max(LIMITS.supportUrl)
    .refine(isWebUrl, "must be an http:// or https:// address")
    .default(DEMO_CARRIER.supportUrl),
  /** Written on one line; "\n" (backslash n) starts a new line. */
  CARRIER_ADDRESS: z
    .string()
    .trim()
    .max(LIMITS.address)
    .transform((v) => v.replaceAll("\\n", "\n"))
    .default(DEMO_CARRIER.address),
};

type CarrierEnv = z.output<z.ZodObject<typeof carrierEnv>>;

export function toCarrierConfig(env: CarrierEnv): CarrierSettings {
  return {
    name: env.CARRIER_NAME,
    logoUrl: env.CARRIER_LOGO_URL,
    color: env.CARRIER_COLOR.toLowerCase(),
    supportPhone: env.CARRIER_SUPPORT_PHONE,
    supportUrl: env.CARRIER_SUPPORT_URL,
    address: env.CARRIER_ADDRESS,
  };
}

import { z } from "zod";
import { isDialable, isLogoUrl, isReadableColor, isWebUrl, LIMITS } from "@/lib/config/carrier-fields";

/** A form field: "" means "use the configured value". */
const field = (max: number, tooLong: `errors.${string}`) =>
  z
    .string({ error: () => "errors.invalid_request" })
    .trim()
    .max(max, tooLong);

/**
 * The owners' settings form (/admin/settings): each field blank (the configured default)
 * or a value under the same rules as its CARRIER_* variable (lib/settings/carrier-fields.ts).
 */
export const CarrierSettingsInput = z.object({
  name: field(LIMITS.name, "errors.carrier_name_too_long"),
  logoUrl: field(LIMITS.logoUrl, "errors.carrier_logo_invalid").refine(isLogoUrl, "errors.carrier_logo_invalid"),
  color: z
    .string({ error: () => "errors.invalid_request" })
    .trim()
    .refine((v) => v === "" || isReadableColor(v), "errors.carrier_color_invalid")
    .transform((v) => v.toLowerCase()),
  supportPhone: field(LIMITS.supportPhone, "errors.carrier_phone_invalid").refine(
    (v) => v === "" || isDialable(v),
    "errors.carrier_phone_invalid",
  ),
  supportUrl: field(LIMITS.supportUrl, "errors.carrier_url_invalid").refine(
    (v) => v === "" || isWebUrl(v),
    "errors.carrier_url_invalid",
  ),
  address: field(LIMITS.address, "errors.carrier_address_too_long").transform((v) => v.replace(/\r\n?/g, "\n")),
});

export type CarrierSettingsRaw = z.input<typeof CarrierSettingsInput>;

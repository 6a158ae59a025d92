/**
 * The carrier's public details (name, logo, colour, contacts): what each may hold, one
 * rule per field, shared by the environment's defaults (lib/config/carrier.ts) and the
 * owners' settings form (lib/settings/schemas.ts). Plain functions: the pages and the SMS
 * text use them too.
 */

export type CarrierSettings = {
  name: string;
  /** "" (no logo), a path on this site, or an https:// address. */
  logoUrl: string;
  /** #rrggbb, dark enough for white text. */
  color: string;
  supportPhone: string;
  supportUrl: string;
  address: string;
};

export const CARRIER_FIELDS = ["name", "logoUrl", "color", "supportPhone", "supportUrl", "address"] as const;
export type CarrierField = (typeof CARRIER_FIELDS)[number];

export const LIMITS = { name: 80, logoUrl: 300, supportPhone: 40, supportUrl: 300, address: 300 } as const;

/** A fictional carrier, so a fresh demo shows real-looking contacts (555-01xx numbers are fictional). */
export const DEMO_CARRIER: CarrierSettings = {
  name: "Northwind Mobile",
  logoUrl: "",
  color: "#0b3d6b",
  supportPhone: "1-800-555-0175",
  supportUrl: "https://www.example.com/support",
  address: "Northwind Mobile Customer Relations\nPO Box 175\nSeattle, WA 98101",
};

/** WCAG's minimum for body text: the header's white text must stay readable on the colour. */
export const MIN_CONTRAST = 4.5;

export function isHexColor(v: string): boolean {
  return /^#[0-9a-f]{6}$/i.test(v);
}

/** WCAG 2 contrast ratio of white on this #rrggbb colour (1 to 21). */
export function contrastWithWhite(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
  return 1.05 / (luminance + 0.05);
}

export function isReadableColor(v: string): boolean {
  return isHexColor(v) && contrastWithWhite(v) >= MIN_CONTRAST;
}

/** An absolute http(s) address with a host. */
export function isWebUrl(v: string): boolean {
  try {
    const u = new URL(v);
    return (u.protocol === "https:" || u.protocol === "http:") && u.hostname !== "" && !/\s/.test(v);
  } catch {
    return false;
  }
}

/**
 * A logo: a path on this site ("/logo.svg", never "//host") or an https:// address (the
 * page's CSP admits https: images for it, see proxy.ts).
 */
export function isLogoUrl(v: string): boolean {
  if (v === "") return true;
  if (/^\/(?!\/)[^\s\\]*$/.test(v)) return true;
  return isWebUrl(v) && v.startsWith("https://");
}

/** As people dial it: digits with the separators they write (611, 1-800-555-0175, +1 (800) 555 0175). */
export function isDialable(v: string): boolean {
  return /^\+?[0-9][0-9 ().-]*$/.test(v) && /[0-9]/.test(v);
}

/** The tel: link for a dialable number: its + and digits only. */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^+0-9]/g, "")}`;
}

import { describe, expect, it } from "vitest";
import {
  acceptedLocale,
  cookieLocale,
  localizedPath,
  negotiateLocale,
  splitLocalePath,
  switchLocaleHref,
} from "@/lib/i18n/locale";

describe("locale negotiation", () => {
  it("takes the switcher's cookie first, then Accept-Language, then English", () => {
    expect(negotiateLocale({ cookie: "a=1; locale=es", acceptLanguage: "en-US,en" })).toBe("es");
    expect(negotiateLocale({ cookie: "locale=en", acceptLanguage: "es-US,es;q=0.9" })).toBe("en");
    expect(negotiateLocale({ cookie: "locale=fr", acceptLanguage: "es-MX" })).toBe("es");
    expect(negotiateLocale({ cookie: null, acceptLanguage: "fr-FR,de;q=0.8" })).toBe("en");
    expect(negotiateLocale({})).toBe("en");
  });

  it("weighs Accept-Language's ranges and ignores refused or malformed ones", () => {
    expect(acceptedLocale("en;q=0.4, es-US;q=0.8")).toBe("es");
    expect(acceptedLocale("es;q=0, en;q=0.1")).toBe("en");
    expect(acceptedLocale("fr, es;q=0.5")).toBe("es");
    expect(acceptedLocale("es;q=abc")).toBeNull();
    expect(acceptedLocale("fr")).toBeNull();
    expect(acceptedLocale("*")).toBe("en");
    expect(acceptedLocale(undefined)).toBeNull();
  });

  it("reads only the locale cookie, and only a locale we serve", () => {
    expect(cookieLocale("xlocale=es; locale= es ")).toBe("es");
    expect(cookieLocale("locale=../es")).toBeNull();
    expect(cookieLocale("")).toBeNull();
  });

  it("splits and builds prefixed paths", () => {
    expect(splitLocalePath("/es")).toEqual({ locale: "es", path: "/" });
    expect(splitLocalePath("/es/remediation/a/b")).toEqual({ locale: "es", path: "/remediation/a/b" });
    expect(splitLocalePath("/fr/outbox")).toEqual({ locale: null, path: "/fr/outbox" });
    expect(splitLocalePath("/estimate")).toEqual({ locale: null, path: "/estimate" });
    expect(localizedPath("es", "/")).toBe("/es");
    expect(localizedPath("en", "/remediation/a/b")).toBe("/en/remediation/a/b");
    expect(localizedPath("es", "/en/outbox")).toBe("/es/outbox");
    expect(switchLocaleHref("es", "/remediation/a/b")).toBe("/locale/es?next=%2Fremediation%2Fa%2Fb");
  });
});

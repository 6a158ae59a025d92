import { describe, expect, it } from "vitest";
import { parseConfig } from "@/lib/config";
import { getTranslator } from "@/lib/i18n/translator";
import { codeMessage as withCarrier } from "@/lib/sms/code-message";

const carrier = { name: "Harbor Mobile", supportPhone: "1-800-555-0175" };
const codeMessage = (code: string, url: string, t?: ReturnType<typeof getTranslator>) =>
  withCarrier(code, url, carrier, t);

const base = {
  DATABASE_URL: "postgresql://app@db.internal:5432/x",
  LOOKUP_SECRET: "s".repeat(40),
  SMS_PROVIDER: "outbox",
};

describe("codeMessage", () => {
  it("keeps the code text and ends with the origin-bound line @HOST #CODE", () => {
    expect(codeMessage("123456", "https://check.example.com")).toBe(
      "Harbor Mobile: your Exposure Check code is 123456. It expires in 10 minutes. Never share it: we will never call you to ask for it. Help: 1-800-555-0175\n\n@check.example.com #123456",
    );
  });

  it("speaks the customer's language, with the same origin-bound line", () => {
    expect(codeMessage("123456", "https://check.example.com", getTranslator("es"))).toBe(
      "Harbor Mobile: su código de Exposure Check es 123456. Vence en 10 minutos. No lo comparta con nadie: nunca lo llamaremos para pedírselo. Ayuda: 1-800-555-0175\n\n@check.example.com #123456",
    );
  });

  it("binds the host alone: no scheme, port or path", () => {
    const lastLine = (url: string) => codeMessage("000042", url).split("\n").at(-1);
    expect(lastLine("http://localhost:3000")).toBe("@localhost #000042");
    expect(lastLine("https://Carrier.example:8443/breach-check/")).toBe("@carrier.example #000042");
  });

  it("names the carrier and its support number as set", () => {
    const text = withCarrier("123456", "https://check.example.com", { name: "Tidewater", supportPhone: "611" });
    expect(text).toMatch(/^Tidewater: your Exposure Check code is 123456\./);
    expect(text).toContain("Help: 611\n");
  });

  it("holds no link", () => {
    const text = codeMessage("123456", "https://check.example.com");
    expect(text).not.toMatch(/https?:|www\.|\/\//i);
  });

  it("refuses anything but a 6-digit code", () => {
    expect(() => codeMessage("12345", "https://check.example.com")).toThrow();
    expect(() => codeMessage("12345a", "https://check.example.com")).toThrow();
  });

  it("takes its host from PUBLIC_URL, by default http://localhost and the port", () => {
    expect(parseConfig(base).publicUrl).toBe("http://localhost:3000");
    expect(parseConfig({ ...base, PORT: "4000" }).publicUrl).toBe("http://localhost:4000");
    expect(parseConfig({ ...base, PUBLIC_URL: "https://check.example.com/" }).publicUrl).toBe(
      "https://check.example.com",
    );
  });
});

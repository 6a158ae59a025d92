// The notice and offer inputs with their translations (ADR 36): "es.<field>" beside English.
import { describe, expect, it } from "vitest";
import { LIMITS } from "@/lib/incidents/limits";
import { NoticeInput, OfferInput } from "@/lib/incidents/schemas";

const OFFER = { offerProvider: "Shield Co", offerMonths: "24", offerEnrollUrl: "https://shield.example/enrol" };

const issues = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((r.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));

describe("NoticeInput", () => {
  it("gathers the Spanish texts into noticeText, leaving blank ones out", () => {
    const out = NoticeInput.parse({
      noticeWhatHappened: "Someone broke in.",
      "es.noticeWhatHappened": "  Alguien entró.  ",
      "es.noticeWhatInvolved": "   ",
      "es.noticeWhatYouCanDo": "",
    });
    expect(out.noticeWhatHappened).toBe("Someone broke in.");
    expect(out.noticeText).toEqual({ es: { noticeWhatHappened: "Alguien entró." } });
    expect(Object.keys(out).filter((k) => k.includes("."))).toEqual([]);
  });

  it("gives a translation the English length limit, refused on its own field", () => {
    const long = "x".repeat(LIMITS.summary + 1);
    expect(issues(NoticeInput.safeParse({ "es.noticeWhatWeAreDoing": long }))).toEqual({
      "es.noticeWhatWeAreDoing": "errors.summary_too_long",
    });
    expect(NoticeInput.safeParse({ "es.noticeWhatWeAreDoing": "x".repeat(LIMITS.summary) }).success).toBe(true);
  });

  it("stores an empty translation when none is given", () => {
    expect(NoticeInput.parse({}).noticeText).toEqual({ es: {} });
  });
});

describe("OfferInput", () => {
  it("gathers the Spanish instructions; the provider has no translation", () => {
    const out = OfferInput.parse({
      ...OFFER,
      offerInstructions: "Enter the code.",
      "es.offerInstructions": "Escriba el código.",
    });
    expect(out.offerText).toEqual({ es: { offerInstructions: "Escriba el código." } });
    expect(out.offerProvider).toBe("Shield Co");
    expect(OfferInput.parse({ ...OFFER, "es.offerProvider": "Escudo" })).not.toHaveProperty("es.offerProvider");
  });

  it("refuses over-long Spanish instructions with the English limit", () => {
    expect(issues(OfferInput.safeParse({ ...OFFER, "es.offerInstructions": "x".repeat(LIMITS.step + 1) }))).toEqual({
      "es.offerInstructions": "errors.step_too_long",
    });
  });
});

import { screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { ExposureBanner } from "@/components/ExposureBanner";
import type { ExposureResult } from "@/lib/exposures/types";
import { en } from "@/lib/i18n/messages/en";
import { es } from "@/lib/i18n/messages/es";
import { renderWithIntl } from "@/tests/support/render";

const PHONE = "+12065550142";
const incident = { slug: "2021-08-cyberattack", title: "August 2021 cyberattack", disclosedAt: "2021-08-17" };

const offer = {
  provider: "McAfee ID Theft Protection",
  durationMonths: 24,
  enrollUrl: "https://enrol.example/start",
  instructions: "Enter the code when asked.",
};

const affected: ExposureResult = {
  phone: PHONE,
  affected: true,
  exposures: [
    {
      incident,
      category: {
        slug: "prepaid",
        name: "Prepaid customers",
        dataExposed: ["Names", "Phone numbers", "Account PINs"],
      },
      remediationUrl: "/remediation/2021-08-cyberattack/prepaid",
      noticeUrl: "/en/notice/2021-08-cyberattack",
      offer: { ...offer, code: "ACT-0001" },
    },
    {
      incident,
      category: {
        slug: "postpaid",
        name: "Postpaid customers",
        dataExposed: ["Names", "Dates of birth", "Social Security numbers", "Driver's license numbers"],
      },
      remediationUrl: "/remediation/2021-08-cyberattack/postpaid",
      noticeUrl: "/en/notice/2021-08-cyberattack",
      offer: null,
    },
  ],
};

const notAffected: ExposureResult = { phone: PHONE, affected: false, exposures: [] };

/** The exposure card (list item) whose group line names this category. */
function cardFor(categoryName: string): HTMLElement {
  const line = screen.getByText(`Group: ${categoryName}`);
  const card = line.closest("li");
  expect(card).not.toBeNull();
  return card!;
}

describe("ExposureBanner (affected)", () => {
  it("announces the affected title as an alert labelled by its heading", () => {
    renderWithIntl(<ExposureBanner result={affected} />);
    const banner = screen.getByRole("region", { name: en.result.affectedTitle });
    expect(within(banner).getByRole("heading", { level: 2, name: en.result.affectedTitle })).toBeInTheDocument();
  });

  it("shows only the last 4 digits of the number, never the full E.164", () => {
    const { container } = renderWithIntl(<ExposureBanner result={affected} />);
    expect(screen.getByText(/^The account with the number •••0142 is in the lists/)).toBeInTheDocument();
    const text = container.textContent ?? "";
    expect(text).not.toContain(PHONE);
    expect(text).not.toContain("2065550142");
    expect(text).not.toContain("206555");
    // Nor hidden in an attribute.
    expect(container.innerHTML).not.toContain("2065550142");
  });

  it("lists the data exposed under each category, most harmful first", () => {
    renderWithIntl(<ExposureBanner result={affected} />);
    const cards = [cardFor("Prepaid customers"), cardFor("Postpaid customers")];
    expect(cards[0]).not.toBe(cards[1]);
    const expected = [
      ["Account PINs", "Phone numbers", "Names"],
      ["Social Security numbers", "Driver's license numbers", "Dates of birth", "Names"],
    ];
    cards.forEach((card, i) => {
      expect(within(card).getByRole("heading", { level: 3, name: "Data exposed" })).toBeInTheDocument();
      const items = within(within(card).getByRole("list"))
        .getAllByRole("listitem")
        .map((li) => li.textContent);
      expect(items).toEqual(expected[i]);
    });
  });

  it("formats the disclosed date as a long UTC date with no off-by-one", () => {
    renderWithIntl(<ExposureBanner result={affected} />);
    const lines = screen.getAllByText("Incident: August 2021 cyberattack, disclosed August 17, 2021");
    expect(lines).toHaveLength(2);
    expect(screen.queryByText(/August 16, 2021/)).not.toBeInTheDocument();
    expect(screen.queryByText(/August 18, 2021/)).not.toBeInTheDocument();
  });

  // The process time zone must not leak in: midnight UTC is still the 17th both west and east of Greenwich.
  describe.each(["Pacific/Honolulu", "Asia/Tokyo"])("with the process time zone set to %s", (zone) => {
    const original = process.env.TZ;
    afterEach(() => {
      if (original === undefined) delete process.env.TZ;
      else process.env.TZ = original;
    });

    it("still shows August 17, 2021", () => {
      process.env.TZ = zone;
      // Guard: the zone change really took effect in this process.
      expect(new Date(2021, 7, 17).toISOString()).not.toBe("2021-08-17T00:00:00.000Z");
      renderWithIntl(<ExposureBanner result={affected} />);
      expect(screen.getAllByText("Incident: August 2021 cyberattack, disclosed August 17, 2021")).toHaveLength(2);
    });
  });

  it("speaks Spanish under a Spanish provider, linking the Spanish remediation pages", () => {
    renderWithIntl(<ExposureBanner result={affected} />, { locale: "es" });
    expect(screen.getByRole("region", { name: es.result.affectedTitle })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Qué hacer ahora: Prepaid customers" })).toHaveAttribute(
      "href",
      "/es/remediation/2021-08-cyberattack/prepaid",
    );
  });

  it("links 'What to do now: <category>' to each remediation page", () => {
    renderWithIntl(<ExposureBanner result={affected} />);
    expect(screen.getByRole("link", { name: "What to do now: Prepaid customers" })).toHaveAttribute(
      "href",
      "/en/remediation/2021-08-cyberattack/prepaid",
    );
    expect(screen.getByRole("link", { name: "What to do now: Postpaid customers" })).toHaveAttribute(
      "href",
      "/en/remediation/2021-08-cyberattack/postpaid",
    );
    // Each link sits in its own category's card.
    expect(within(cardFor("Prepaid customers")).getByRole("link", { name: /What to do now/ })).toHaveAccessibleName(
      "What to do now: Prepaid customers",
    );
    expect(within(cardFor("Postpaid customers")).getByRole("link", { name: /What to do now/ })).toHaveAccessibleName(
      "What to do now: Postpaid customers",
    );
  });

  it("links each card to its incident's notice", () => {
    renderWithIntl(<ExposureBanner result={affected} />);
    for (const name of ["Prepaid customers", "Postpaid customers"])
      expect(within(cardFor(name)).getByRole("link", { name: en.result.noticeLink })).toHaveAttribute(
        "href",
        "/en/notice/2021-08-cyberattack",
      );
  });

  it("shows a group's offer with the number's code, and none where the group has no offer", () => {
    renderWithIntl(<ExposureBanner result={affected} />);
    const card = cardFor("Prepaid customers");
    expect(
      within(card).getByRole("heading", { level: 3, name: /McAfee ID Theft Protection, 24 months/ }),
    ).toBeVisible();
    expect(within(card).getByText("ACT-0001")).toBeInTheDocument();
    expect(within(card).getByRole("link", { name: "Enrol with McAfee ID Theft Protection" })).toHaveAttribute(
      "href",
      "https://enrol.example/start",
    );
    expect(within(cardFor("Postpaid customers")).queryByText(/identity protection/)).not.toBeInTheDocument();
  });

  it("says how to get a code when the pool is empty, and when this path hands none out", () => {
    const withCode = (code: string | null | undefined): ExposureResult => ({
      ...affected,
      exposures: [{ ...affected.exposures[0]!, offer: { ...offer, code } }],
    });
    const { unmount } = renderWithIntl(<ExposureBanner result={withCode(null)} />);
    expect(screen.getByText(en.result.offer.noCode)).toBeInTheDocument();
    unmount();
    renderWithIntl(<ExposureBanner result={withCode(undefined)} />);
    expect(screen.getByText(en.result.offer.verifyForCode)).toBeInTheDocument();
    expect(screen.queryByText(en.result.offer.noCode)).not.toBeInTheDocument();
  });
});

describe("ExposureBanner (not affected)", () => {
  it("uses the careful wording in a status region", () => {
    renderWithIntl(<ExposureBanner result={notAffected} />);
    const status = screen.getByRole("region", {
      name: "We have no record of this number in the lists of affected accounts",
    });
    expect(within(status).getByRole("heading", { level: 2 })).toHaveTextContent(
      "We have no record of this number in the lists of affected accounts",
    );
    expect(status).toHaveTextContent("It is not a promise that none of your information was exposed");
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });

  it("repeats the masked number and links only to general advice", () => {
    renderWithIntl(<ExposureBanner result={notAffected} />);
    expect(screen.getByText(/We checked •••\d{4} against every list/)).toBeInTheDocument();
    expect(screen.getAllByRole("link")).toHaveLength(1);
    expect(screen.getByRole("link", { name: en.result.generalAdvice })).toHaveAttribute(
      "href",
      en.result.generalAdviceUrl,
    );
  });

  it("promises nothing: no 'safe' or 'not affected' wording, no affected title", () => {
    const { container } = renderWithIntl(<ExposureBanner result={notAffected} />);
    const text = container.textContent ?? "";
    expect(text).not.toMatch(/\bsafe\b/i);
    expect(text).not.toMatch(/not affected/i);
    expect(text).not.toMatch(/\bunaffected\b/i);
    expect(text).not.toContain(en.result.affectedTitle);
    expect(text).not.toContain(PHONE);
  });
});

import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { RemediationView } from "@/components/RemediationView";
import { en } from "@/lib/i18n/messages/en";
import type { RemediationPage } from "@/lib/incidents/get-remediation";
import { renderWithIntl } from "@/tests/support/render";

const page = (fallbackFields: string[]): RemediationPage => ({
  locale: "es",
  fallback: fallbackFields.length > 0,
  fallbackFields,
  incident: {
    slug: "x",
    title: "Filtración",
    summary: "It *happened*.",
    disclosedAt: new Date("2024-05-01T00:00:00Z"),
  },
  category: { slug: "prepaid", name: "Clientes prepago", dataExposed: ["Nombre"], remediation: ["Cambie su **PIN**."] },
});

describe("RemediationView", () => {
  it("says when part of the page is shown in English", () => {
    renderWithIntl(<RemediationView page={page(["incident.summary"])} />);
    expect(screen.getByRole("note")).toHaveTextContent(en.remediation.fallbackNotice);
    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("Clientes prepago");
    expect(screen.getByText("PIN").tagName).toBe("STRONG");
  });

  it("says nothing of English when every field is translated", () => {
    renderWithIntl(<RemediationView page={page([])} />);
    expect(screen.queryByRole("note")).toBeNull();
    expect(screen.queryByText(en.remediation.fallbackNotice)).toBeNull();
  });
});

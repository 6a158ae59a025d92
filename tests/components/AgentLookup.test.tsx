import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { LookupState } from "@/app/admin/lookup/actions";
import { AgentLookup } from "@/components/admin/AgentLookup";
import { en } from "@/lib/i18n/messages/en";
import { renderWithIntl } from "@/tests/support/render";

type Action = (prev: LookupState | undefined, form: FormData) => Promise<LookupState>;
const t = en.admin.lookup;

const affected: LookupState = {
  phone: "(206) 555-0100",
  masked: "•••0100",
  result: {
    phone: "+12065550100",
    affected: true,
    exposures: [
      {
        incident: { slug: "2021-08-cyberattack", title: "August 2021 cyberattack", disclosedAt: "2021-08-17" },
        category: { slug: "prepaid", name: "Prepaid customers", dataExposed: ["Name", "Account PIN"] },
        remediationUrl: "/remediation/2021-08-cyberattack/prepaid",
        noticeUrl: "/notice/2021-08-cyberattack",
        offer: null,
      },
    ],
  },
  steps: { "2021-08-cyberattack/prepaid": ["Choose a **new PIN**.", "Call 1-800-555-0175 if in doubt."] },
};
const notFound: LookupState = {
  phone: "206 555 0199",
  masked: "•••0199",
  result: { phone: "+12065550199", affected: false, exposures: [] },
  steps: {},
};

describe("AgentLookup", () => {
  it("speaks to the agent, keeps the masked number beside the answer and what was typed in the field", async () => {
    const action = vi.fn<Action>().mockResolvedValueOnce(affected).mockResolvedValueOnce(notFound);
    renderWithIntl(<AgentLookup action={action} />);
    const field = screen.getByLabelText(t.label);
    await userEvent.type(field, "(206) 555-0100");
    await userEvent.click(screen.getByRole("button", { name: t.submit }));

    const answer = await screen.findByRole("region", { name: "The caller's account (•••0100) was affected" });
    expect(answer).toHaveTextContent("Number looked up: •••0100");
    expect(answer).toHaveTextContent("The caller's account was affected: Prepaid customers, August 2021 cyberattack");
    expect(answer).toHaveTextContent("Tell the caller what was exposed: Name, Account PIN.");
    const steps = within(answer).getAllByRole("listitem");
    expect(steps.map((li) => li.textContent)).toEqual(["Choose a new PIN.", "Call 1-800-555-0175 if in doubt."]);
    expect(screen.getByLabelText(t.label)).toHaveValue("(206) 555-0100");
    expect(answer).not.toHaveTextContent("2065550100");

    await userEvent.clear(screen.getByLabelText(t.label));
    await userEvent.type(screen.getByLabelText(t.label), "206 555 0199");
    await userEvent.click(screen.getByRole("button", { name: t.submit }));
    const none = await screen.findByRole("region", { name: "No record of •••0199 in the lists of affected accounts" });
    expect(none).toHaveTextContent("Number looked up: •••0199");
    expect(screen.getByLabelText(t.label)).toHaveValue("206 555 0199");

    // This session's lookups, newest first, masked.
    const recent = screen.getByRole("region", { name: t.recentHeading });
    await waitFor(() =>
      expect(
        within(recent)
          .getAllByRole("listitem")
          .map((li) => li.textContent),
      ).toEqual(["•••0199: no record", "•••0100: affected (Prepaid customers, August 2021 cyberattack)"]),
    );
    expect(recent.textContent).not.toMatch(/\d{7}/);
  });

  it("keeps a refused number in the field for correction", async () => {
    const action = vi.fn<Action>(async () => ({ phone: "206 555 01", error: en.phone.too_short }));
    renderWithIntl(<AgentLookup action={action} />);
    await userEvent.type(screen.getByLabelText(t.label), "206 555 01");
    await userEvent.click(screen.getByRole("button", { name: t.submit }));
    expect(await screen.findByText(en.phone.too_short)).toBeInTheDocument();
    expect(screen.getByLabelText(t.label)).toHaveValue("206 555 01");
    expect(screen.queryByRole("region", { name: t.recentHeading })).not.toBeInTheDocument();
  });
});

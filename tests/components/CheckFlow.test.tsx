import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { CheckFlow } from "@/components/check/CheckFlow";
import type { FlowState } from "@/lib/checks/flow-state";
import type { ExposureResult } from "@/lib/exposures/types";
import { en } from "@/lib/i18n/messages/en";
import { renderWithIntl } from "@/tests/support/render";

const CHECK_ID = "chk_fake_0001";
const MASKED = "•••0142";
const RESULT: ExposureResult = {
  phone: "+12065550142",
  affected: true,
  exposures: [
    {
      incident: { slug: "2021-08-cyberattack", title: "August 2021 cyberattack", disclosedAt: "2021-08-17" },
      category: { slug: "prepaid", name: "Prepaid customers", dataExposed: ["Names", "Phone numbers"] },
      remediationUrl: "/remediation/2021-08-cyberattack/prepaid",
      noticeUrl: "/notice/2021-08-cyberattack",
      offer: null,
    },
  ],
};

type Call = { prev: FlowState; form: Record<string, FormDataEntryValue> };

/**
 * Stands in for the server action at the component boundary: records what it is given
 * and answers with the next state chosen by the test.
 */
function fakeAction(respond: (form: FormData, prev: FlowState) => FlowState | Promise<FlowState>) {
  const calls: Call[] = [];
  const action = async (prev: FlowState, form: FormData): Promise<FlowState> => {
    calls.push({ prev, form: Object.fromEntries(form) });
    await Promise.resolve();
    return respond(form, prev);
  };
  return { action, calls };
}

/** The happy path of the real action, verified mode. */
function verifiedFlow(form: FormData): FlowState {
  switch (form.get("intent")) {
    case "start":
      return { step: "code", checkId: CHECK_ID, maskedPhone: MASKED, expiresInMs: 600_000 };
    case "verify":
      return { step: "result", result: RESULT };
    default:
      return { step: "phone" };
  }
}

describe("CheckFlow", () => {
  it("goes number → code → result → back to the number, sending each step what it needs", async () => {
    const user = userEvent.setup();
    const { action, calls } = fakeAction(verifiedFlow);
    renderWithIntl(<CheckFlow action={action} open={false} />);

    // Step 1: the number.
    expect(screen.queryByLabelText("6-digit code")).not.toBeInTheDocument();
    await user.type(screen.getByLabelText("Mobile number"), "(206) 555-0142");
    await user.click(screen.getByRole("button", { name: "Send me a code" }));

    // Step 2: the code.
    const codeInput = await screen.findByLabelText("6-digit code");
    // Focus follows the flow instead of falling back to <body>.
    await waitFor(() => expect(screen.getByRole("heading", { name: en.code.title })).toHaveFocus());
    expect(screen.queryByLabelText("Mobile number")).not.toBeInTheDocument();
    expect(
      screen.getByText(`If ${MASKED} can receive text messages, we have sent it a 6-digit code.`),
    ).toBeInTheDocument();
    expect(calls).toHaveLength(1);
    expect(calls[0]).toEqual({ prev: { step: "phone" }, form: { intent: "start", phone: "(206) 555-0142" } });

    await user.type(codeInput, "123456");
    await user.click(screen.getByRole("button", { name: "Show my result" }));

    // Step 3: the result.
    expect(await screen.findByRole("heading", { name: en.result.affectedTitle })).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole("heading", { name: en.result.affectedTitle })).toHaveFocus());
    expect(screen.getByRole("link", { name: "What to do now: Prepaid customers" })).toHaveAttribute(
      "href",
      "/en/remediation/2021-08-cyberattack/prepaid",
    );
    expect(screen.queryByLabelText("6-digit code")).not.toBeInTheDocument();
    expect(calls).toHaveLength(2);
    expect(calls[1]).toEqual({
      prev: { step: "code", checkId: CHECK_ID, maskedPhone: MASKED, expiresInMs: 600_000 },
      form: { intent: "verify", checkId: CHECK_ID, maskedPhone: MASKED, expiresInMs: "600000", code: "123456" },
    });

    // And back again.
    await user.click(screen.getByRole("button", { name: "Check another number" }));
    const phoneInput = await screen.findByLabelText("Mobile number");
    expect(phoneInput).toHaveValue("");
    await waitFor(() => expect(phoneInput).toHaveFocus());
    expect(screen.queryByRole("heading", { name: en.result.affectedTitle })).not.toBeInTheDocument();
    expect(calls).toHaveLength(3);
    expect(calls[2]).toEqual({ prev: { step: "result", result: RESULT }, form: { intent: "restart" } });
  });

  it("shows an error from the action on the number step and keeps what was typed", async () => {
    const user = userEvent.setup();
    const message = en.phone.too_short;
    const { action, calls } = fakeAction((form) => ({
      step: "phone",
      phone: String(form.get("phone")),
      error: message,
    }));
    renderWithIntl(<CheckFlow action={action} open={false} />);

    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
    await user.type(screen.getByLabelText("Mobile number"), "206 555");
    await user.click(screen.getByRole("button", { name: "Send me a code" }));

    expect(await screen.findByRole("alert")).toHaveTextContent(message);
    const input = screen.getByLabelText("Mobile number");
    expect(input).toHaveAttribute("aria-invalid", "true");
    expect(input).toHaveAccessibleDescription(`${en.check.phoneHint} ${message}`);
    expect(input).toHaveValue("206 555");
    expect(calls).toHaveLength(1);
  });

  it("shows an error from the action on the code step and stays there", async () => {
    const user = userEvent.setup();
    const message = "That code is not right. You have 2 more attempts.";
    const { action, calls } = fakeAction((form, prev) =>
      form.get("intent") === "verify" && prev.step === "code"
        ? { ...prev, error: message }
        : { step: "code", checkId: CHECK_ID, maskedPhone: MASKED, expiresInMs: 600_000 },
    );
    renderWithIntl(<CheckFlow action={action} open={false} />);

    await user.type(screen.getByLabelText("Mobile number"), "+1 206 555 0142");
    await user.click(screen.getByRole("button", { name: "Send me a code" }));
    await user.type(await screen.findByLabelText("6-digit code"), "000000");
    await user.click(screen.getByRole("button", { name: "Show my result" }));

    expect(await screen.findByRole("alert")).toHaveTextContent(message);
    expect(screen.getByLabelText("6-digit code")).toHaveAttribute("aria-invalid", "true");
    // Focus goes to the field in error, not the heading.
    await waitFor(() => expect(screen.getByLabelText("6-digit code")).toHaveFocus());
    expect(screen.queryByRole("heading", { name: en.result.affectedTitle })).not.toBeInTheDocument();
    expect(calls.map((c) => c.form.intent)).toEqual(["start", "verify"]);
  });

  it("'Use a different number' on the code step returns to the number step", async () => {
    const user = userEvent.setup();
    const { action, calls } = fakeAction(verifiedFlow);
    renderWithIntl(<CheckFlow action={action} open={false} />);

    await user.type(screen.getByLabelText("Mobile number"), "2065550142");
    await user.click(screen.getByRole("button", { name: "Send me a code" }));
    await user.click(await screen.findByRole("button", { name: "Use a different number" }));

    expect(await screen.findByLabelText("Mobile number")).toBeInTheDocument();
    expect(screen.queryByLabelText("6-digit code")).not.toBeInTheDocument();
    expect(calls[1]?.form).toEqual({ intent: "restart" });
  });

  it("in open mode offers 'Check this number' and can go straight to the result", async () => {
    const user = userEvent.setup();
    const { action, calls } = fakeAction((form) =>
      form.get("intent") === "start"
        ? { step: "result", result: { ...RESULT, affected: false, exposures: [] } }
        : { step: "phone" },
    );
    renderWithIntl(<CheckFlow action={action} open />);

    expect(screen.queryByRole("button", { name: "Send me a code" })).not.toBeInTheDocument();
    await user.type(screen.getByLabelText("Mobile number"), "2065550142");
    await user.click(screen.getByRole("button", { name: "Check this number" }));

    expect(await screen.findByRole("region", { name: en.result.notFoundTitle })).toBeInTheDocument();
    expect(screen.queryByLabelText("6-digit code")).not.toBeInTheDocument();
    expect(calls).toHaveLength(1);
  });

  it("disables the submit button while the action is pending", async () => {
    const user = userEvent.setup();
    let release!: (next: FlowState) => void;
    const { action } = fakeAction(() => new Promise<FlowState>((resolve) => (release = resolve)));
    renderWithIntl(<CheckFlow action={action} open={false} />);

    await user.type(screen.getByLabelText("Mobile number"), "2065550142");
    await user.click(screen.getByRole("button", { name: "Send me a code" }));
    await waitFor(() => expect(screen.getByRole("button", { name: "Send me a code" })).toBeDisabled());

    release({ step: "code", checkId: CHECK_ID, maskedPhone: MASKED, expiresInMs: 600_000 });
    expect(await screen.findByRole("button", { name: "Show my result" })).toBeEnabled();
  });

  it("sends a new code from the code step without asking for the number again", async () => {
    const user = userEvent.setup();
    const { action, calls } = fakeAction((form, prev) =>
      form.get("intent") === "resend" && prev.step === "code"
        ? { ...prev, checkId: "chk_fake_0002", resent: true }
        : { step: "code", checkId: CHECK_ID, maskedPhone: MASKED, expiresInMs: 600_000 },
    );
    renderWithIntl(<CheckFlow action={action} open={false} />);
    await user.type(screen.getByLabelText("Mobile number"), "2065550142");
    await user.click(screen.getByRole("button", { name: "Send me a code" }));
    await user.click(await screen.findByRole("button", { name: en.code.resend }));

    expect(
      await screen.findByText(`If ${MASKED} can receive text messages, we have sent it a new 6-digit code.`, {
        exact: false,
      }),
    ).toBeInTheDocument();
    expect(calls[1]?.form).toEqual({
      intent: "resend",
      dead: "0",
      checkId: CHECK_ID,
      maskedPhone: MASKED,
      expiresInMs: "600000",
    });
    expect(screen.queryByLabelText("Mobile number")).not.toBeInTheDocument();
  });

  it("after the last wrong code explains what happened and offers a new code, keeping the number", async () => {
    const user = userEvent.setup();
    const { action, calls } = fakeAction((form, prev) =>
      form.get("intent") === "verify" && prev.step === "code"
        ? { ...prev, dead: true, error: en.code.exhausted }
        : { step: "code", checkId: CHECK_ID, maskedPhone: MASKED, expiresInMs: 600_000 },
    );
    renderWithIntl(<CheckFlow action={action} open={false} />);
    await user.type(screen.getByLabelText("Mobile number"), "2065550142");
    await user.click(screen.getByRole("button", { name: "Send me a code" }));
    await user.type(await screen.findByLabelText("6-digit code"), "000000");
    await user.click(screen.getByRole("button", { name: "Show my result" }));

    expect(await screen.findByRole("alert")).toHaveTextContent(en.code.exhausted);
    expect(screen.queryByLabelText("6-digit code")).not.toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: en.code.resend }));
    expect(calls[2]?.form).toMatchObject({ intent: "resend", dead: "1", checkId: CHECK_ID });
  });
});

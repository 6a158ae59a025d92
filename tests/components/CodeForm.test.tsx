import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { CodeForm } from "@/components/check/CodeForm";
import { en } from "@/lib/i18n/messages/en";
import { renderWithIntl } from "@/tests/support/render";

const CHECK_ID = "chk_0123456789abcdef";
const MASKED = "•••0142";
const noop = () => {};

describe("CodeForm", () => {
  it("shows the masked number in the neutral 'if it can receive texts' sentence", () => {
    renderWithIntl(<CodeForm action={noop} pending={false} checkId={CHECK_ID} maskedPhone={MASKED} />);
    expect(screen.getByRole("heading", { name: "Enter the code we texted you" })).toBeInTheDocument();
    expect(
      screen.getByText("If •••0142 can receive text messages, we have sent it a 6-digit code."),
    ).toBeInTheDocument();
  });

  it("has a '6-digit code' input suited to one-time codes, described by the hint", () => {
    renderWithIntl(<CodeForm action={noop} pending={false} checkId={CHECK_ID} maskedPhone={MASKED} />);
    const input = screen.getByLabelText("6-digit code");
    expect(input).toBeInstanceOf(HTMLInputElement);
    expect(input).toHaveAttribute("name", "code");
    expect(input).toHaveAttribute("autocomplete", "one-time-code");
    expect(input).toHaveAttribute("inputmode", "numeric");
    expect(input).toHaveAccessibleDescription(en.code.hint);
    expect(input).not.toHaveAttribute("aria-invalid");
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });

  it("carries checkId and maskedPhone as hidden fields of the code form", () => {
    const { container } = renderWithIntl(
      <CodeForm action={noop} pending={false} checkId={CHECK_ID} maskedPhone={MASKED} />,
    );
    const codeForm = screen.getByLabelText("6-digit code").closest("form")!;
    const data = new FormData(codeForm);
    expect(data.get("intent")).toBe("verify");
    expect(data.get("checkId")).toBe(CHECK_ID);
    expect(data.get("maskedPhone")).toBe(MASKED);
    // Hidden fields are not shown to anyone.
    const hiddenFields = codeForm.querySelectorAll<HTMLInputElement>(
      'input[name="checkId"], input[name="maskedPhone"]',
    );
    expect(hiddenFields).toHaveLength(2);
    expect(container.querySelectorAll('input[name="phone"]')).toHaveLength(0);
    for (const hidden of hiddenFields) expect(hidden.type).toBe("hidden");
  });

  it("shows an error in an alert and ties it to the code input", () => {
    const message = "That code is not right. You have 2 more attempts.";
    renderWithIntl(<CodeForm action={noop} pending={false} checkId={CHECK_ID} maskedPhone={MASKED} error={message} />);
    const input = screen.getByLabelText("6-digit code");
    expect(screen.getByRole("alert")).toHaveTextContent(message);
    expect(input).toHaveAttribute("aria-invalid", "true");
    expect(input).toHaveAccessibleDescription(`${en.code.hint} ${message}`);
  });

  it("submits the code with intent=verify, checkId and maskedPhone", async () => {
    const action = vi.fn<(form: FormData) => void>();
    const user = userEvent.setup();
    renderWithIntl(<CodeForm action={action} pending={false} checkId={CHECK_ID} maskedPhone={MASKED} />);
    await user.type(screen.getByLabelText("6-digit code"), "123456");
    await user.click(screen.getByRole("button", { name: "Show my result" }));
    await waitFor(() => expect(action).toHaveBeenCalledTimes(1));
    const form = action.mock.calls[0]![0];
    expect(Object.fromEntries(form)).toEqual({
      intent: "verify",
      checkId: CHECK_ID,
      maskedPhone: MASKED,
      expiresInMs: "",
      code: "123456",
    });
  });

  it("offers a 'Use a different number' form that submits intent=restart only", async () => {
    const action = vi.fn<(form: FormData) => void>();
    const user = userEvent.setup();
    renderWithIntl(<CodeForm action={action} pending={false} checkId={CHECK_ID} maskedPhone={MASKED} />);
    const restart = screen.getByRole("button", { name: "Use a different number" });
    const restartForm = restart.closest("form")!;
    expect(restartForm).not.toBe(screen.getByLabelText("6-digit code").closest("form"));
    expect(within(restartForm).queryByLabelText("6-digit code")).not.toBeInTheDocument();
    await user.click(restart);
    await waitFor(() => expect(action).toHaveBeenCalledTimes(1));
    expect(Object.fromEntries(action.mock.calls[0]![0])).toEqual({ intent: "restart" });
  });

  it("disables the submit button while pending", () => {
    renderWithIntl(<CodeForm action={noop} pending checkId={CHECK_ID} maskedPhone={MASKED} />);
    expect(screen.getByRole("button", { name: "Show my result" })).toBeDisabled();
  });

  it("warns a minute before the code expires, then offers only a new code", async () => {
    vi.useFakeTimers();
    try {
      renderWithIntl(
        <CodeForm action={noop} pending={false} checkId={CHECK_ID} maskedPhone={MASKED} expiresInMs={120_000} />,
      );
      expect(screen.queryByText(en.code.expiresSoon)).not.toBeInTheDocument();
      await act(() => vi.advanceTimersByTimeAsync(61_000));
      expect(screen.getByText(en.code.expiresSoon)).toBeInTheDocument();
      expect(screen.getByLabelText("6-digit code")).toBeInTheDocument();
      await act(() => vi.advanceTimersByTimeAsync(60_000));
      expect(screen.getByText(en.code.expired)).toBeInTheDocument();
      expect(screen.queryByLabelText("6-digit code")).not.toBeInTheDocument();
      const resend = screen.getByRole("button", { name: en.code.resend });
      expect(Object.fromEntries(new FormData(resend.closest("form")!))).toMatchObject({
        intent: "resend",
        dead: "1",
        checkId: CHECK_ID,
      });
    } finally {
      vi.useRealTimers();
    }
  });
});

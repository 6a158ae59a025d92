import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { PhoneForm } from "@/components/check/PhoneForm";
import { en } from "@/lib/i18n/messages/en";
import { renderWithIntl } from "@/tests/support/render";

const noop = () => {};

function describedByText(el: HTMLElement): string[] {
  const ids = (el.getAttribute("aria-describedby") ?? "").split(/\s+/).filter(Boolean);
  return ids.map((id) => {
    const target = document.getElementById(id);
    expect(target, `aria-describedby points at a missing element #${id}`).not.toBeNull();
    return target!.textContent ?? "";
  });
}

describe("PhoneForm", () => {
  it("labels the number field, makes it a tel input and describes it with the hint", () => {
    renderWithIntl(<PhoneForm action={noop} pending={false} open={false} />);
    const input = screen.getByLabelText("Mobile number");
    expect(input).toBeInstanceOf(HTMLInputElement);
    expect(input).toHaveAttribute("type", "tel");
    expect(input).toHaveAttribute("autocomplete", "tel");
    expect(input).toHaveAttribute("name", "phone");
    expect(input).toBeRequired();
    expect(input).toHaveAccessibleDescription(en.check.phoneHint);
    expect(describedByText(input)).toEqual([en.check.phoneHint]);
    expect(input).not.toHaveAttribute("aria-invalid");
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });

  it("shows an error in an alert, marks the field invalid and adds the error to its description", () => {
    const message = "This number is too short. Include the area code, for example (206) 555-0142.";
    renderWithIntl(<PhoneForm action={noop} pending={false} open={false} error={message} defaultPhone="206 555" />);
    const input = screen.getByLabelText("Mobile number");
    expect(screen.getByRole("alert")).toHaveTextContent(message);
    expect(input).toHaveAttribute("aria-invalid", "true");
    expect(input).toBeInvalid();
    expect(describedByText(input)).toEqual([en.check.phoneHint, message]);
    expect(input).toHaveAccessibleDescription(`${en.check.phoneHint} ${message}`);
    // The customer's input is kept so they can correct it.
    expect(input).toHaveValue("206 555");
  });

  it("says 'Send me a code' in verified mode", () => {
    renderWithIntl(<PhoneForm action={noop} pending={false} open={false} />);
    expect(screen.getByRole("button", { name: "Send me a code" })).toHaveAttribute("type", "submit");
    expect(screen.queryByRole("button", { name: "Check this number" })).not.toBeInTheDocument();
  });

  it("says 'Check this number' in open mode", () => {
    renderWithIntl(<PhoneForm action={noop} pending={false} open />);
    expect(screen.getByRole("button", { name: "Check this number" })).toHaveAttribute("type", "submit");
    expect(screen.queryByRole("button", { name: "Send me a code" })).not.toBeInTheDocument();
  });

  it("disables the button while pending", () => {
    renderWithIntl(<PhoneForm action={noop} pending open={false} />);
    const button = screen.getByRole("button", { name: "Send me a code" });
    expect(button).toBeDisabled();
    expect(button).toHaveAttribute("aria-disabled", "true");
  });

  it("submits the typed number with a hidden intent=start field", async () => {
    const action = vi.fn<(form: FormData) => void>();
    const user = userEvent.setup();
    renderWithIntl(<PhoneForm action={action} pending={false} open={false} />);
    await user.type(screen.getByLabelText("Mobile number"), "(206) 555-0142");
    await user.click(screen.getByRole("button", { name: "Send me a code" }));
    await waitFor(() => expect(action).toHaveBeenCalledTimes(1));
    const form = action.mock.calls[0]![0];
    expect(form).toBeInstanceOf(FormData);
    expect(form.get("intent")).toBe("start");
    expect(form.get("phone")).toBe("(206) 555-0142");
  });
});

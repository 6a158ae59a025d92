import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { FieldError, TextAreaField, TextField } from "@/components/forms/Fields";

describe("TextField", () => {
  it("reads its hint with the input, and its error once there is one", () => {
    const { rerender } = render(<TextField name="email" label="Email" hint="Your work address." />);
    const input = screen.getByLabelText("Email");
    expect(input).toHaveAttribute("id", "email");
    expect(input).not.toHaveAttribute("aria-invalid");
    expect(input).toHaveAccessibleDescription("Your work address.");
    expect(screen.queryByRole("alert")).toBeNull();

    rerender(<TextField name="email" label="Email" hint="Your work address." error="Enter an email address." />);
    expect(input).toHaveAttribute("aria-invalid", "true");
    expect(input).toHaveAccessibleDescription("Your work address. Enter an email address.");
    expect(screen.getByRole("alert")).toHaveTextContent("Enter an email address.");
  });

  it("takes its own id when a page holds two forms with the same field", () => {
    render(
      <>
        <TextField name="phone" id="lookup-phone" label="Number" hint="Any format." />
        <TextField name="phone" label="Your number" hint="Any format, too." />
      </>,
    );
    expect(screen.getByLabelText("Number")).toHaveAccessibleDescription("Any format.");
    expect(screen.getByLabelText("Your number")).toHaveAccessibleDescription("Any format, too.");
  });
});

describe("TextAreaField", () => {
  it("reads its hint, a shared hint and its error with the text area", () => {
    render(
      <>
        <p id="steps-hint">One step per box.</p>
        <TextAreaField id="step-1" name="remediation" label="Step 1" describedBy={["steps-hint"]} error="Too long." />
      </>,
    );
    const area = screen.getByLabelText("Step 1");
    expect(area).toHaveAttribute("aria-invalid", "true");
    expect(area).toHaveAccessibleDescription("One step per box. Too long.");
  });
});

describe("FieldError", () => {
  it("renders nothing without a message", () => {
    const { container } = render(<FieldError id="x-error" />);
    expect(container).toBeEmptyDOMElement();
  });
});

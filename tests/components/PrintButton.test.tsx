import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { PrintButton } from "@/components/PrintButton";
import { renderWithIntl } from "@/tests/support/render";

describe("PrintButton", () => {
  afterEach(() => vi.restoreAllMocks());

  it("calls window.print when clicked", async () => {
    const print = vi.spyOn(window, "print").mockImplementation(() => {});
    renderWithIntl(<PrintButton />);
    const button = screen.getByRole("button", { name: "Print this page" });
    expect(button).toHaveAttribute("type", "button");
    expect(print).not.toHaveBeenCalled();
    await userEvent.setup().click(button);
    expect(print).toHaveBeenCalledTimes(1);
  });

  it("without JavaScript (the server's HTML) says how to print instead of showing a dead button", async () => {
    const { renderToString } = await import("react-dom/server");
    const { IntlClientProvider } = await import("@/components/IntlClientProvider");
    const { messagesFor } = await import("@/lib/i18n/translator");
    const html = renderToString(
      <IntlClientProvider locale="en" messages={messagesFor("en")}>
        <PrintButton />
      </IntlClientProvider>,
    );
    expect(html).not.toContain("<button");
    expect(html).toContain("print this page with your browser");
  });
});

import { act, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { CopyButton } from "@/components/forms/CopyButton";
import { renderWithIntl } from "@/tests/support/render";

describe("CopyButton", () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it("copies the value, says so in a live region, and goes back to Copy", async () => {
    const user = userEvent.setup();
    // userEvent installs a clipboard stub on navigator; spy on what it is given.
    const write = vi.spyOn(navigator.clipboard, "writeText");
    renderWithIntl(<CopyButton value="ek_live_abc123" what="the key" />);
    const button = screen.getByRole("button", { name: "Copy the key" });
    const status = screen.getByRole("status");
    expect(status).toHaveTextContent("");

    await user.click(button);
    expect(write).toHaveBeenCalledWith("ek_live_abc123");
    expect(await navigator.clipboard.readText()).toBe("ek_live_abc123");
    expect(status).toHaveTextContent("Copied the key to the clipboard.");
    expect(button).toHaveAccessibleName("Copied the key");

    await act(() => new Promise((r) => setTimeout(r, 2100)));
    expect(status).toHaveTextContent("");
    expect(button).toHaveAccessibleName("Copy the key");
  });

  it("says to copy by hand when the clipboard refuses", async () => {
    const user = userEvent.setup();
    vi.spyOn(navigator.clipboard, "writeText").mockRejectedValue(new Error("denied"));
    renderWithIntl(<CopyButton value="42" what="the entry id" />);
    await user.click(screen.getByRole("button", { name: "Copy the entry id" }));
    expect(screen.getByRole("status")).toHaveTextContent("Could not copy: select the text and copy it instead.");
  });
});

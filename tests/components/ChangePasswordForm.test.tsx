import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { ChangePasswordState } from "@/app/admin/account/actions";
import { ChangePasswordForm } from "@/components/admin/ChangePasswordForm";
import { en } from "@/lib/i18n/messages/en";
import { renderWithIntl } from "@/tests/support/render";

const t = en.admin.account;
type Action = (prev: ChangePasswordState | undefined, form: FormData) => Promise<ChangePasswordState>;
const NEW = "a long new passphrase";

async function fill(current: string, next: string, again: string) {
  await userEvent.type(screen.getByLabelText(t.current), current);
  await userEvent.type(screen.getByLabelText(t.new), next);
  await userEvent.type(screen.getByLabelText(t.confirm), again);
  await userEvent.click(screen.getByRole("button", { name: t.submit }));
}

describe("ChangePasswordForm", () => {
  it("checks the fields with the shared schema before posting, next to each field", async () => {
    const action = vi.fn<Action>(async () => ({}));
    renderWithIntl(<ChangePasswordForm action={action} email="agent@example.com" />);
    await fill("old password", NEW, `${NEW}.`);
    expect(action).not.toHaveBeenCalled();
    expect(screen.getAllByRole("alert")[0]).toHaveTextContent(t.fixErrors);
    const confirm = screen.getByLabelText(t.confirm);
    expect(confirm).toHaveAttribute("aria-invalid", "true");
    expect(confirm).toHaveAccessibleDescription(`${t.confirmHint} ${en.errors.password_mismatch}`);
    expect(screen.getByLabelText(t.new)).not.toHaveAttribute("aria-invalid");
  });

  it("posts the three fields, shows the answer and empties every field", async () => {
    const action = vi.fn<Action>(async () => ({ notice: "Your password was changed." }));
    renderWithIntl(<ChangePasswordForm action={action} email="agent@example.com" />);
    await fill("old password", NEW, NEW);
    // The status line is there from the start: wait for the answer to fill it.
    await waitFor(() => expect(screen.getByRole("status")).toHaveTextContent("Your password was changed."));
    const sent = action.mock.calls[0]![1];
    expect([
      sent.get("currentPassword"),
      sent.get("newPassword"),
      sent.get("confirmPassword"),
      sent.get("username"),
    ]).toEqual(["old password", NEW, NEW, "agent@example.com"]);
    for (const label of [t.current, t.new, t.confirm]) expect(screen.getByLabelText(label)).toHaveValue("");
    expect(screen.getByLabelText(t.current)).toHaveAttribute("autocomplete", "current-password");
    expect(screen.getByLabelText(t.new)).toHaveAttribute("autocomplete", "new-password");
  });
});

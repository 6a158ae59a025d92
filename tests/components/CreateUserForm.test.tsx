import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { CreateUserState } from "@/app/admin/users/actions";
import { CreateUserForm } from "@/components/admin/CreateUserForm";
import { en } from "@/lib/i18n/messages/en";
import { renderWithIntl } from "@/tests/support/render";

const t = en.admin.users;
type Action = (prev: CreateUserState | undefined, form: FormData) => Promise<CreateUserState>;

describe("CreateUserForm", () => {
  it("labels every field; the password field is only usable when the owner sets it", async () => {
    renderWithIntl(<CreateUserForm action={vi.fn<Action>()} />);
    expect(screen.getByLabelText(t.email)).toHaveAccessibleDescription(t.emailHint);
    expect(screen.getByLabelText(t.role)).toHaveValue("viewer");
    expect(screen.getByRole("group", { name: t.initialPassword })).toBeInTheDocument();
    expect(screen.getByLabelText(t.generate)).toBeChecked();
    const password = screen.getByLabelText(t.password);
    expect(password).toBeDisabled();
    await userEvent.click(screen.getByLabelText(t.set));
    expect(password).toBeEnabled();
    expect(password).toHaveAttribute("autocomplete", "new-password");
  });

  it("checks the fields with the shared schema before posting, and says what is wrong", async () => {
    const action = vi.fn<Action>(async () => ({}));
    renderWithIntl(<CreateUserForm action={action} />);
    await userEvent.type(screen.getByLabelText(t.email), "not an email");
    await userEvent.click(screen.getByLabelText(t.set));
    await userEvent.type(screen.getByLabelText(t.password), "too short");
    await userEvent.click(screen.getByRole("button", { name: t.create }));
    expect(action).not.toHaveBeenCalled();
    expect(screen.getAllByRole("alert")[0]).toHaveTextContent(t.fixErrors);
    const email = screen.getByLabelText(t.email);
    expect(email).toHaveAttribute("aria-invalid", "true");
    expect(email).toHaveAccessibleDescription(`${t.emailHint} ${en.errors.email_invalid}`);
    expect(screen.getByLabelText(t.password)).toHaveAccessibleDescription(
      `${t.passwordHint} ${en.errors.password_too_short}`,
    );
  });

  it("posts a valid form without a password when it is generated, and shows the generated one once", async () => {
    const action = vi.fn<Action>(async () => ({
      created: { email: "new@example.com", role: "agent", password: "abcdef-ghijkm-npqrst-uvwxyz" },
    }));
    renderWithIntl(<CreateUserForm action={action} />);
    await userEvent.type(screen.getByLabelText(t.email), "New@Example.com");
    await userEvent.selectOptions(screen.getByLabelText(t.role), "agent");
    await userEvent.click(screen.getByRole("button", { name: t.create }));

    const status = await screen.findByText("new@example.com was added as Agent.");
    expect(status.closest("[role=status]")).toHaveTextContent("abcdef-ghijkm-npqrst-uvwxyz");
    expect(screen.getByText(t.createdPasswordNote)).toBeInTheDocument();
    const sent = action.mock.calls[0]![1];
    expect([...sent.keys()].sort()).toEqual(["email", "initialPassword", "role"]);
    expect(sent.get("initialPassword")).toBe("generate");
    expect(screen.getByLabelText(t.email)).toHaveValue("");
  });

  it("shows the server's errors next to their fields and keeps what was typed", async () => {
    const action = vi.fn<Action>(async () => ({
      error: t.fixErrors,
      errors: { email: en.errors.user_exists },
      values: { email: "taken@example.com", role: "importer", initialPassword: "set" },
    }));
    renderWithIntl(<CreateUserForm action={action} />);
    await userEvent.type(screen.getByLabelText(t.email), "taken@example.com");
    await userEvent.click(screen.getByLabelText(t.set));
    await userEvent.type(screen.getByLabelText(t.password), "a long enough passphrase");
    await userEvent.click(screen.getByRole("button", { name: t.create }));

    expect(await screen.findByText(en.errors.user_exists)).toBeInTheDocument();
    expect(screen.getByLabelText(t.email)).toHaveValue("taken@example.com");
    expect(screen.getByLabelText(t.role)).toHaveValue("importer");
    expect(screen.getByLabelText(t.set)).toBeChecked();
    expect(screen.getByLabelText(t.password)).toHaveValue("");
    expect(action.mock.calls[0]![1].get("password")).toBe("a long enough passphrase");
  });
});

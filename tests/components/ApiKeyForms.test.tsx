import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { ApiKeyRowState, CreateApiKeyState } from "@/app/admin/api-keys/actions";
import { ApiKeyRowActions } from "@/components/admin/ApiKeyRowActions";
import { CreateApiKeyForm } from "@/components/admin/CreateApiKeyForm";
import { en } from "@/lib/i18n/messages/en";
import { renderWithIntl } from "@/tests/support/render";

const t = en.admin.apiKeys;
type CreateAction = (prev: CreateApiKeyState | undefined, form: FormData) => Promise<CreateApiKeyState>;
type RevokeAction = (prev: ApiKeyRowState | undefined, form: FormData) => Promise<ApiKeyRowState>;
const KEY = `ek_live_${"a".repeat(43)}`;

describe("CreateApiKeyForm", () => {
  it("checks the name with the shared schema before posting", async () => {
    const action = vi.fn<CreateAction>(async () => ({}));
    renderWithIntl(<CreateApiKeyForm action={action} />);
    const name = screen.getByLabelText(t.name);
    expect(name).toHaveAccessibleDescription(t.nameHint);
    await userEvent.type(name, "calls 206 555 0100");
    await userEvent.click(screen.getByRole("button", { name: t.create }));
    expect(action).not.toHaveBeenCalled();
    expect(screen.getAllByRole("alert")[0]).toHaveTextContent(t.fixErrors);
    expect(name).toHaveAttribute("aria-invalid", "true");
    expect(name).toHaveAccessibleDescription(`${t.nameHint} ${en.errors.api_key_name_digits}`);
  });

  it("shows the new key once, and clears it with the next answer", async () => {
    const action = vi
      .fn<CreateAction>()
      .mockResolvedValueOnce({ created: { name: "Login page", prefix: KEY.slice(0, 12), key: KEY } })
      .mockResolvedValueOnce({
        values: { name: "Login page" },
        error: t.fixErrors,
        errors: { name: en.errors.api_key_name_taken },
      });
    renderWithIntl(<CreateApiKeyForm action={action} />);
    await userEvent.type(screen.getByLabelText(t.name), "Login page");
    await userEvent.click(screen.getByRole("button", { name: t.create }));

    const status = await screen.findByText("The key Login page was created.");
    expect(status.closest("[role=status]")).toHaveTextContent(KEY);
    // setup() gives the page a clipboard (jsdom has none).
    await userEvent.setup().click(screen.getByRole("button", { name: `Copy ${t.copyKey}` }));
    expect(await navigator.clipboard.readText()).toBe(KEY);
    expect(screen.getByText(t.createdKeyNote)).toBeInTheDocument();
    expect(action.mock.calls[0]![1].get("name")).toBe("Login page");
    expect(screen.getByLabelText(t.name)).toHaveValue("");

    await userEvent.type(screen.getByLabelText(t.name), "Login page");
    await userEvent.click(screen.getByRole("button", { name: t.create }));
    expect(await screen.findByText(en.errors.api_key_name_taken)).toBeInTheDocument();
    expect(screen.queryByText(KEY)).not.toBeInTheDocument();
    expect(screen.getByLabelText(t.name)).toHaveValue("Login page");
  });
});

describe("ApiKeyRowActions", () => {
  it("revokes only after the confirmation, and says so", async () => {
    const revoke = vi.fn<RevokeAction>(async () => ({ notice: "Login page is revoked." }));
    renderWithIntl(
      <ApiKeyRowActions apiKey={{ id: "0b6e4a8c-3f1d-4c2e-9a7b-5d8f1e2c3a4b", name: "Login page" }} revoke={revoke} />,
    );
    await userEvent.click(screen.getByText(t.revokeOpen));
    expect(screen.getByText(/Login page stops working at once and for good/)).toBeVisible();
    expect(revoke).not.toHaveBeenCalled();
    await userEvent.click(screen.getByRole("button", { name: "Yes, revoke Login page" }));
    // The status line is there from the start: wait for the answer to fill it.
    await waitFor(() => expect(screen.getByRole("status")).toHaveTextContent("Login page is revoked."));
    const sent = revoke.mock.calls[0]![1];
    expect(Object.fromEntries(sent)).toEqual({ keyId: "0b6e4a8c-3f1d-4c2e-9a7b-5d8f1e2c3a4b", confirm: "yes" });
  });
});

// Passkey forms (docs/adr/0038): registration sends the password and name to the options
// action, runs the browser's ceremony and sends its answer with the challenge's handle;
// a cancelled ceremony sends nothing. The browser's WebAuthn library is replaced.
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { PasskeyState } from "@/app/admin/enroll/actions";
import { PasskeyRegister } from "@/components/admin/PasskeyRegister";
import { PasskeyList } from "@/components/admin/PasskeyList";
import { en } from "@/lib/i18n/messages/en";
import { renderWithIntl } from "@/tests/support/render";

const { startRegistration } = vi.hoisted(() => ({ startRegistration: vi.fn() }));
vi.mock("@simplewebauthn/browser", () => ({
  browserSupportsWebAuthn: () => true,
  startRegistration,
  startAuthentication: vi.fn(),
}));
vi.mock("@/app/admin/step-up/actions", () => ({
  confirmStepUpAction: vi.fn(),
  stepUpPasskeyOptionsAction: vi.fn(),
  confirmStepUpPasskeyAction: vi.fn(),
}));

const p = en.admin.passkeys;
type Action = (prev: unknown, form: FormData) => Promise<PasskeyState>;
const ceremony = { options: { challenge: "Y2g", rp: { name: "x", id: "localhost" } }, handle: "h".repeat(30) };

describe("PasskeyRegister", () => {
  it("asks the password and a name, then sends the browser's answer with the handle", async () => {
    const options = vi.fn<Action>(async () => ({ ceremony }) as unknown as PasskeyState);
    const register = vi.fn<Action>(async () => ({ notice: "The passkey Work laptop was added." }));
    startRegistration.mockRejectedValueOnce(new Error("NotAllowedError")).mockResolvedValueOnce({ id: "new-cred" });
    renderWithIntl(<PasskeyRegister options={options} register={register} withPassword />);
    await userEvent.type(screen.getByLabelText(p.password), "my own password");
    await userEvent.type(screen.getByLabelText(p.name), "Work laptop");
    await userEvent.click(screen.getByRole("button", { name: p.register }));
    expect(await screen.findByRole("alert")).toHaveTextContent(p.cancelled);
    expect(register).not.toHaveBeenCalled();
    expect(options.mock.calls[0]![1].get("password")).toBe("my own password");

    // The name is kept for the next try; the password is typed again.
    expect(screen.getByLabelText(p.name)).toHaveValue("Work laptop");
    await userEvent.type(screen.getByLabelText(p.password), "my own password");
    await userEvent.click(screen.getByRole("button", { name: p.register }));
    expect(await screen.findByText("The passkey Work laptop was added.")).toBeInTheDocument();
    expect(startRegistration).toHaveBeenLastCalledWith({ optionsJSON: ceremony.options });
    const sent = register.mock.calls[0]![1];
    expect([sent.get("name"), sent.get("response"), sent.get("handle")]).toEqual([
      "Work laptop",
      JSON.stringify({ id: "new-cred" }),
      ceremony.handle,
    ]);
  });

  it("shows the refused fields and asks no password when the user has a factor", async () => {
    const options = vi.fn<Action>(async () => ({
      error: p.fixErrors,
      errors: { name: en.errors.passkey_name_required },
    }));
    renderWithIntl(<PasskeyRegister options={options} register={vi.fn<Action>()} withPassword={false} />);
    expect(screen.queryByLabelText(p.password)).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: p.register }));
    expect(await screen.findByText(p.fixErrors)).toBeInTheDocument();
    expect(screen.getByText(en.errors.passkey_name_required)).toBeInTheDocument();
  });
});

describe("PasskeyList", () => {
  it("lists the passkeys with a remove button each, or says there are none", async () => {
    const remove = vi.fn(async () => ({}));
    const { unmount } = renderWithIntl(
      <PasskeyList passkeys={[{ id: "pk1", name: "Work laptop", addedOn: "2026-12-01" }]} remove={remove} />,
    );
    expect(screen.getByRole("list", { name: p.listLabel })).toHaveTextContent("Work laptop (added 2026-12-01)");
    await userEvent.click(screen.getByRole("button", { name: "Remove the passkey Work laptop" }));
    expect((remove.mock.calls[0] as unknown as [unknown, FormData])[1].get("id")).toBe("pk1");
    unmount();
    renderWithIntl(<PasskeyList passkeys={[]} remove={remove} />);
    expect(screen.getByText(p.none)).toBeInTheDocument();
  });
});

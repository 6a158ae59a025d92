import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { CreateApiKeyState } from "@/app/admin/api-keys/actions";
import type { BackupCodesState, EnrolState } from "@/app/admin/enroll/actions";
import { BackupCodes } from "@/components/admin/BackupCodes";
import { CreateApiKeyForm } from "@/components/admin/CreateApiKeyForm";
import { EnrolForm } from "@/components/admin/EnrolForm";
import { en } from "@/lib/i18n/messages/en";
import { renderWithIntl } from "@/tests/support/render";

const { confirmStepUpAction, stepUpPasskeyOptionsAction, confirmStepUpPasskeyAction, startAuthentication } = vi.hoisted(
  () => ({
    confirmStepUpAction: vi.fn(),
    stepUpPasskeyOptionsAction: vi.fn(),
    confirmStepUpPasskeyAction: vi.fn(),
    startAuthentication: vi.fn(),
  }),
);
vi.mock("@/app/admin/step-up/actions", () => ({
  confirmStepUpAction,
  stepUpPasskeyOptionsAction,
  confirmStepUpPasskeyAction,
}));
// The browser's WebAuthn call (docs/adr/0038): jsdom has none, so the library is replaced.
vi.mock("@simplewebauthn/browser", () => ({
  browserSupportsWebAuthn: () => true,
  startAuthentication,
  startRegistration: vi.fn(),
}));

const e = en.admin.enroll;
const s = en.admin.stepUp;
type EnrolAction = (prev: EnrolState, form: FormData) => Promise<EnrolState>;

describe("EnrolForm", () => {
  it("asks the password, then shows the QR code, the key as text and a code field", async () => {
    const enrolment = {
      qrSvg: '<svg xmlns="http://www.w3.org/2000/svg"><path d="M0 0h1"/></svg>',
      secret: "ABCD EFGH",
    };
    const start = vi.fn<EnrolAction>(async () => ({ enrolment }));
    const confirm = vi.fn<EnrolAction>(async () => ({ enrolment, error: en.errors.factor_incorrect }));
    renderWithIntl(<EnrolForm start={start} confirm={confirm} />);
    expect(screen.queryByLabelText(e.code)).not.toBeInTheDocument();
    await userEvent.type(screen.getByLabelText(e.password), "my own password");
    await userEvent.click(screen.getByRole("button", { name: e.start }));
    expect(start.mock.calls[0]![1].get("password")).toBe("my own password");

    const qr = await screen.findByRole("img", { name: e.qrLabel });
    expect(qr.querySelector("svg")).not.toBeNull();
    expect(screen.getByText("ABCD EFGH")).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText(e.code), "123456");
    await userEvent.click(screen.getByRole("button", { name: e.confirm }));
    expect(confirm.mock.calls[0]![1].get("code")).toBe("123456");
    // A wrong code keeps the QR code and key on screen.
    expect(await screen.findByRole("alert")).toHaveTextContent(en.errors.factor_incorrect);
    expect(screen.getByText("ABCD EFGH")).toBeInTheDocument();
  });
});

describe("EnrolForm on the account page (docs/adr/0040)", () => {
  it("asks for a step-up in place when the server wants one, then sends the password again", async () => {
    const enrolment = { qrSvg: "<svg></svg>", secret: "WXYZ 2345" };
    const start = vi
      .fn<EnrolAction>()
      .mockResolvedValueOnce({ error: en.errors.step_up_required, stepUp: true })
      .mockResolvedValueOnce({ enrolment });
    confirmStepUpAction.mockResolvedValueOnce({ confirmed: true });
    renderWithIntl(<EnrolForm start={start} confirm={vi.fn<EnrolAction>()} />);
    await userEvent.type(screen.getByLabelText(e.password), "my own password");
    await userEvent.click(screen.getByRole("button", { name: e.start }));

    const dialog = await screen.findByRole("dialog", { name: s.title });
    expect(screen.queryByText("WXYZ 2345")).not.toBeInTheDocument();
    await userEvent.type(within(dialog).getByLabelText(s.code), "123456");
    await userEvent.click(within(dialog).getByRole("button", { name: s.confirm }));
    expect(await screen.findByText("WXYZ 2345")).toBeInTheDocument();
    expect(start).toHaveBeenCalledTimes(2);
    expect(start.mock.calls[1]![1].get("password")).toBe("my own password");
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
  });
});

describe("BackupCodes", () => {
  it("shows the codes only when asked, from the action's answer", async () => {
    const codes = Array.from({ length: 10 }, (_, i) => `abcd${i}-efgh${i}`);
    const reveal = vi.fn<(p: BackupCodesState) => Promise<BackupCodesState>>(async () => ({ codes }));
    renderWithIntl(<BackupCodes reveal={reveal} />);
    expect(screen.queryByText(codes[0]!)).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: e.reveal }));
    const list = await screen.findByRole("list", { name: e.backupTitle });
    expect(
      within(list)
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual(codes);
    expect(screen.getByRole("link", { name: e.continue })).toHaveAttribute("href", "/admin");
  });

  it("says so when they were shown already", async () => {
    renderWithIntl(<BackupCodes reveal={async () => ({ gone: true })} />);
    await userEvent.click(screen.getByRole("button", { name: e.reveal }));
    expect(await screen.findByRole("alert")).toHaveTextContent(e.backupGone);
  });
});

describe("step-up in a form", () => {
  it("asks for a code in place when the action needs one, then sends the same form again", async () => {
    const KEY = `ek_live_${"a".repeat(43)}`;
    const action = vi
      .fn<(prev: CreateApiKeyState | undefined, form: FormData) => Promise<CreateApiKeyState>>()
      .mockResolvedValueOnce({ values: { name: "Login page" }, stepUp: true, error: en.errors.step_up_required })
      .mockResolvedValueOnce({ created: { name: "Login page", prefix: KEY.slice(0, 12), key: KEY } });
    confirmStepUpAction
      .mockResolvedValueOnce({ error: en.errors.factor_incorrect })
      .mockResolvedValueOnce({ confirmed: true });
    renderWithIntl(<CreateApiKeyForm action={action} />);
    await userEvent.type(screen.getByLabelText(en.admin.apiKeys.name), "Login page");
    await userEvent.click(screen.getByRole("button", { name: en.admin.apiKeys.create }));

    const dialog = await screen.findByRole("dialog", { name: s.title });
    expect(action).toHaveBeenCalledTimes(1);
    await userEvent.type(within(dialog).getByLabelText(s.code), "000000");
    await userEvent.click(within(dialog).getByRole("button", { name: s.confirm }));
    expect(await within(dialog).findByRole("alert")).toHaveTextContent(en.errors.factor_incorrect);
    expect(action).toHaveBeenCalledTimes(1);

    await userEvent.clear(within(dialog).getByLabelText(s.code));
    await userEvent.type(within(dialog).getByLabelText(s.code), "123456");
    await userEvent.click(within(dialog).getByRole("button", { name: s.confirm }));
    expect(await screen.findByText("The key Login page was created.")).toBeInTheDocument();
    expect(action).toHaveBeenCalledTimes(2);
    expect(action.mock.calls[1]![1].get("name")).toBe("Login page");
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
  });
});

describe("step-up with a passkey", () => {
  it("confirms with the passkey in place of a code, then sends the same form again", async () => {
    const KEY = `ek_live_${"b".repeat(43)}`;
    const action = vi
      .fn<(prev: CreateApiKeyState | undefined, form: FormData) => Promise<CreateApiKeyState>>()
      .mockResolvedValueOnce({ values: { name: "Billing" }, stepUp: true, error: en.errors.step_up_required })
      .mockResolvedValueOnce({ created: { name: "Billing", prefix: KEY.slice(0, 12), key: KEY } });
    const options = { challenge: "Y2hhbGxlbmdl", rpId: "localhost", allowCredentials: [] };
    stepUpPasskeyOptionsAction.mockResolvedValue({ ceremony: { options, handle: "h".repeat(30) } });
    startAuthentication.mockRejectedValueOnce(new Error("NotAllowedError")).mockResolvedValueOnce({ id: "cred-1" });
    confirmStepUpPasskeyAction.mockResolvedValueOnce({ confirmed: true });
    renderWithIntl(<CreateApiKeyForm action={action} />);
    await userEvent.type(screen.getByLabelText(en.admin.apiKeys.name), "Billing");
    await userEvent.click(screen.getByRole("button", { name: en.admin.apiKeys.create }));

    const dialog = await screen.findByRole("dialog", { name: s.title });
    const use = within(dialog).getByRole("button", { name: en.admin.passkeys.stepUpUse });
    // Cancelled in the browser: said so, nothing sent to the server.
    await userEvent.click(use);
    expect(await within(dialog).findByRole("alert")).toHaveTextContent(en.admin.passkeys.cancelled);
    expect(confirmStepUpPasskeyAction).not.toHaveBeenCalled();

    await userEvent.click(use);
    expect(await screen.findByText("The key Billing was created.")).toBeInTheDocument();
    expect(startAuthentication).toHaveBeenLastCalledWith({ optionsJSON: options });
    const sent = confirmStepUpPasskeyAction.mock.calls[0]![1] as FormData;
    expect([sent.get("response"), sent.get("handle")]).toEqual([JSON.stringify({ id: "cred-1" }), "h".repeat(30)]);
    expect(action).toHaveBeenCalledTimes(2);
    expect(action.mock.calls[1]![1].get("name")).toBe("Billing");
  });
});

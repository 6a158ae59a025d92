import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useActionState } from "react";
import { describe, expect, it, vi } from "vitest";
import { ConfirmButton } from "@/components/forms/ConfirmButton";
import { en } from "@/lib/i18n/messages/en";
import { renderWithIntl } from "@/tests/support/render";

type State = { notice?: string; error?: string };
type Action = (prev: State, form: FormData) => Promise<State>;

function Harness({ action, open }: { action: Action; open?: boolean }) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <ConfirmButton
      action={formAction}
      trigger="Delete…"
      triggerLabel="Delete ann@example.com"
      consequence="ann@example.com will be deleted for good. Their 2 open sessions end at once."
      confirm="Yes, delete ann@example.com"
      fields={{ userId: "u-1" }}
      pending={pending}
      open={open || Boolean(state.error)}
    >
      <p role="status">{state.notice ?? state.error ?? ""}</p>
    </ConfirmButton>
  );
}

describe("ConfirmButton", () => {
  it("states the consequence on the first click and posts confirm=yes only on the second", async () => {
    const action = vi.fn<Action>(async () => ({ notice: "Deleted." }));
    renderWithIntl(<Harness action={action} />);
    const details = screen.getByText("Delete…").closest("details")!;
    expect(details.open).toBe(false);

    await userEvent.click(screen.getByText("Delete…"));
    expect(details.open).toBe(true);
    expect(screen.getByText(en.admin.confirm.heading)).toBeVisible();
    expect(screen.getByText(/will be deleted for good\. Their 2 open sessions/)).toBeVisible();
    expect(action).not.toHaveBeenCalled();

    await userEvent.click(screen.getByRole("button", { name: "Yes, delete ann@example.com" }));
    await waitFor(() => expect(screen.getByRole("status")).toHaveTextContent("Deleted."));
    expect(action).toHaveBeenCalledTimes(1);
    expect(Object.fromEntries(action.mock.calls[0]![1])).toEqual({ userId: "u-1", confirm: "yes" });
  });

  it("is reachable from the keyboard, and Cancel folds it back with focus on the first step", async () => {
    const action = vi.fn<Action>(async () => ({}));
    renderWithIntl(<Harness action={action} />);
    const summary = screen.getByText("Delete…");
    expect(summary).toHaveAccessibleName("Delete ann@example.com");
    await userEvent.tab();
    expect(summary).toHaveFocus();
    // Browsers open a <summary> with Enter or Space (jsdom does not; the e2e test presses it).
    await userEvent.click(summary);
    const details = summary.closest("details")!;
    expect(details.open).toBe(true);

    await userEvent.click(screen.getByRole("button", { name: en.admin.confirm.cancel }));
    expect(details.open).toBe(false);
    expect(summary).toHaveFocus();
    expect(action).not.toHaveBeenCalled();
  });

  it("opens on the confirm step to show the action's error beside it", async () => {
    const action = vi.fn<Action>(async () => ({ error: "This user no longer exists." }));
    renderWithIntl(<Harness action={action} open />);
    expect(screen.getByText("Delete…").closest("details")!.open).toBe(true);
    await userEvent.click(screen.getByRole("button", { name: "Yes, delete ann@example.com" }));
    await waitFor(() => expect(screen.getByRole("status")).toHaveTextContent("This user no longer exists."));
  });
});

import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { SettingsState } from "@/app/admin/settings/actions";
import { SettingsForm } from "@/components/admin/SettingsForm";
import { en } from "@/lib/i18n/messages/en";
import { DEMO_CARRIER } from "@/lib/config/carrier-fields";
import { renderWithIntl } from "@/tests/support/render";

type Action = (prev: SettingsState | undefined, form: FormData) => Promise<SettingsState>;
const t = en.admin.settings;

describe("SettingsForm", () => {
  it("shows the overrides in the fields and each configured value beside them", () => {
    renderWithIntl(<SettingsForm action={vi.fn<Action>()} overrides={{ name: "Tidewater" }} defaults={DEMO_CARRIER} />);
    const name = screen.getByLabelText(t.name);
    expect(name).toHaveValue("Tidewater");
    expect(name).toHaveAccessibleDescription(`${t.nameHint} Configured value: ${DEMO_CARRIER.name}`);
    expect(screen.getByLabelText(t.supportPhone)).toHaveValue("");
    expect(screen.getByLabelText(t.logoUrl)).toHaveAccessibleDescription(`${t.logoUrlHint} ${t.configuredNone}`);
    expect(screen.getByLabelText(t.address)).toHaveAccessibleDescription(
      `${t.addressHint} Configured value: ${DEMO_CARRIER.address.replace(/\n/g, ", ")}`,
    );
  });

  it("posts every field, then shows the refusal beside the field, keeping what was typed", async () => {
    const action = vi
      .fn<Action>()
      .mockImplementationOnce(async (_p, f) => ({
        values: Object.fromEntries(f) as SettingsState["values"],
        error: t.fixErrors,
        errors: { color: en.errors.carrier_color_invalid },
      }))
      .mockResolvedValueOnce({ notice: t.saved });
    renderWithIntl(<SettingsForm action={action} overrides={{}} defaults={DEMO_CARRIER} />);
    await userEvent.type(screen.getByLabelText(t.name), "Tidewater");
    await userEvent.type(screen.getByLabelText(t.color), "#ffff00");
    await userEvent.click(screen.getByRole("button", { name: t.save }));

    await waitFor(() => expect(screen.getAllByRole("alert")[0]).toHaveTextContent(t.fixErrors));
    expect(Object.fromEntries(action.mock.calls[0]![1])).toEqual({
      name: "Tidewater",
      logoUrl: "",
      color: "#ffff00",
      supportPhone: "",
      supportUrl: "",
      address: "",
    });
    const color = screen.getByLabelText(t.color);
    expect(color).toHaveAttribute("aria-invalid", "true");
    expect(color).toHaveValue("#ffff00");
    expect(screen.getByLabelText(t.name)).toHaveValue("Tidewater");

    await userEvent.clear(color);
    await userEvent.type(color, "#14532d");
    await userEvent.click(screen.getByRole("button", { name: t.save }));
    expect(await screen.findByRole("status")).toHaveTextContent(t.saved);
  });
});

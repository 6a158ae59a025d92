import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { EditorState } from "@/app/admin/incidents/actions";
import { CategoryForm } from "@/components/admin/CategoryForm";
import { en } from "@/lib/i18n/messages/en";
import { renderWithIntl } from "@/tests/support/render";

const initial = {
  slug: "prepaid",
  name: "Prepaid",
  dataExposed: ["Name", "PIN"],
  remediation: ["Change your **PIN**."],
  sortOrder: 0,
};

describe("CategoryForm", () => {
  it("labels every field, one box per step plus spares, hints read with the fields", () => {
    renderWithIntl(<CategoryForm action={vi.fn()} incidentSlug="demo" mode="edit" initial={initial} />);
    expect(screen.getByLabelText("Name")).toHaveValue("Prepaid");
    expect(screen.getByLabelText("Data exposed")).toHaveValue("Name\nPIN");
    expect(screen.getByLabelText("Step 1")).toHaveValue("Change your **PIN**.");
    expect(screen.getByLabelText("Step 3")).toHaveValue("");
    expect(screen.queryByLabelText("Step 4")).toBeNull();
    expect(screen.getByLabelText("Step 2")).toHaveAccessibleDescription(en.admin.incidents.stepsHint);
    expect(screen.queryByLabelText("Slug")).toBeNull(); // fixed once created
  });

  it("shows errors next to their fields and keeps what was typed", async () => {
    const action = vi.fn(async (_prev: EditorState | undefined, _form: FormData): Promise<EditorState> => ({
      error: en.admin.incidents.fixErrors,
      errors: { name: en.errors.name_required, remediation: en.errors.step_too_long },
      values: { name: "", dataExposed: "Name", remediation: ["<script>x</script> **bold**"], sortOrder: "0" },
    }));
    renderWithIntl(<CategoryForm action={action} incidentSlug="demo" mode="edit" initial={initial} />);
    await userEvent.click(screen.getByRole("button", { name: "Save" }));
    expect(await screen.findByText(en.admin.incidents.fixErrors)).toBeInTheDocument();
    const name = screen.getByLabelText("Name");
    expect(name).toHaveAttribute("aria-invalid", "true");
    expect(name).toHaveAccessibleDescription(`${en.admin.incidents.nameHint} ${en.errors.name_required}`);
    expect(screen.getByLabelText("Step 1")).toHaveAccessibleDescription(
      `${en.admin.incidents.stepsHint} ${en.errors.step_too_long}`,
    );
    expect(screen.getByLabelText("Step 1")).toHaveValue("<script>x</script> **bold**");
  });

  it("renders the preview's steps as markdown, never their HTML", async () => {
    const action = vi.fn(async (_prev: EditorState | undefined, _form: FormData): Promise<EditorState> => ({
      preview: true,
      values: { name: "Prepaid", dataExposed: "Name", remediation: ["**bold** <script>x</script>"], sortOrder: "0" },
    }));
    const { container } = renderWithIntl(
      <CategoryForm action={action} incidentSlug="demo" mode="edit" initial={initial} />,
    );
    await userEvent.click(screen.getByRole("button", { name: "Preview" }));
    const preview = await screen.findByRole("region", { name: en.admin.incidents.previewTitle });
    expect(preview.querySelector("strong")).toHaveTextContent("bold");
    expect(container.querySelector("script")).toBeNull();
    expect(preview).toHaveTextContent("bold <script>x</script>");
    expect(action.mock.calls[0]?.[1].get("intent")).toBe("preview");
  });
});

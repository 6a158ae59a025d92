import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { EditorState } from "@/app/admin/incidents/actions";
import { CategoryForm } from "@/components/admin/CategoryForm";
import { en } from "@/lib/i18n/messages/en";
import { categoryFormValues } from "@/lib/incidents/form-values";
import { renderWithIntl } from "@/tests/support/render";

const initial = categoryFormValues("prepaid", {
  sortOrder: 0,
  text: {
    en: { name: "Prepaid", dataExposed: ["Name", "PIN"], remediation: ["Change your **PIN**."] },
    es: { name: "Prepago" },
  },
});

const EN = "(English)";
const ES = "(Spanish)";

describe("CategoryForm", () => {
  it("puts English and Spanish side by side, each field labelled with its language", () => {
    renderWithIntl(<CategoryForm action={vi.fn()} incidentSlug="demo" mode="edit" initial={initial} />);
    expect(screen.getByLabelText(`Name ${EN}`)).toHaveValue("Prepaid");
    expect(screen.getByLabelText(`Name ${ES}`)).toHaveValue("Prepago");
    expect(screen.getByLabelText(`Name ${ES}`)).toHaveAttribute("lang", "es");
    expect(screen.getByLabelText(`Name ${ES}`)).not.toBeRequired();
    expect(screen.getByLabelText(`Data exposed ${EN}`)).toHaveValue("Name\nPIN");
    expect(screen.getByLabelText(`Data exposed ${ES}`)).toHaveValue("");
    expect(screen.getByLabelText(`Step 1 ${EN}`)).toHaveValue("Change your **PIN**.");
    expect(screen.getByLabelText(`Step 3 ${EN}`)).toHaveValue("");
    expect(screen.queryByLabelText(`Step 4 ${EN}`)).toBeNull();
    expect(screen.getByLabelText(`Step 2 ${ES}`)).toHaveValue("");
    expect(screen.queryByLabelText(`Step 3 ${ES}`)).toBeNull();
    expect(screen.getByLabelText(`Step 2 ${EN}`)).toHaveAccessibleDescription(en.admin.incidents.stepsHint);
    // Each column is a group named by its language; English comes first.
    const groups = screen.getAllByRole("group").filter((g) => g.tagName === "FIELDSET" && g.querySelector("legend"));
    expect(groups[0]).toHaveAccessibleName("English (required)");
    expect(within(groups[0]!).getByLabelText(`Name ${EN}`)).toBeInTheDocument();
    expect(screen.queryByLabelText("Slug")).toBeNull(); // fixed once created
  });

  it("sends each locale's fields under their own names", async () => {
    const action = vi.fn(async (): Promise<EditorState> => ({ notice: "saved" }));
    renderWithIntl(<CategoryForm action={action} incidentSlug="demo" mode="edit" initial={initial} />);
    await userEvent.type(screen.getByLabelText(`Step 1 ${ES}`), "Cambie su PIN.");
    await userEvent.click(screen.getByRole("button", { name: en.admin.incidents.save }));
    const sent = (action.mock.calls[0] as unknown as [unknown, FormData])[1];
    expect(sent.getAll("es.remediation")).toEqual(["Cambie su PIN.", ""]);
    expect(sent.get("en.name")).toBe("Prepaid");
    expect(sent.get("category")).toBe("prepaid");
  });

  it("shows the outcome next to the button that was pressed", async () => {
    const action = vi.fn(async (): Promise<EditorState> => ({ notice: "saved" }));
    renderWithIntl(<CategoryForm action={action} incidentSlug="demo" mode="edit" initial={initial} />);
    const save = screen.getByRole("button", { name: en.admin.incidents.save });
    await userEvent.click(save);
    const status = await screen.findByText(en.admin.incidents.saved);
    expect(status).toHaveAttribute("role", "status");
    // Same row as the button, not at the top of the form.
    expect(status.parentElement).toBe(save.parentElement);
  });

  it("shows errors next to their fields and keeps what was typed", async () => {
    const action = vi.fn(async (): Promise<EditorState> => ({
      error: en.admin.incidents.fixErrors,
      errors: { "en.name": en.errors.name_required, "es.remediation": en.errors.step_too_long },
      values: {
        "en.name": "",
        "en.dataExposed": "Name",
        "es.remediation": ["<script>x</script> **bold**"],
        sortOrder: "0",
      },
    }));
    renderWithIntl(<CategoryForm action={action} incidentSlug="demo" mode="edit" initial={initial} />);
    const save = screen.getByRole("button", { name: en.admin.incidents.save });
    await userEvent.click(save);
    const alert = await screen.findByText(en.admin.incidents.fixErrors);
    expect(alert.parentElement).toBe(save.parentElement);
    const name = screen.getByLabelText(`Name ${EN}`);
    expect(name).toHaveAttribute("aria-invalid", "true");
    expect(name).toHaveAccessibleDescription(`${en.admin.incidents.nameHint} ${en.errors.name_required}`);
    expect(screen.getByLabelText(`Step 1 ${ES}`)).toHaveAccessibleDescription(
      `${en.admin.incidents.stepsHint} ${en.errors.step_too_long}`,
    );
    expect(screen.getByLabelText(`Step 1 ${ES}`)).toHaveValue("<script>x</script> **bold**");
  });

  it("renders the preview's steps as markdown, never their HTML, in each locale", async () => {
    const action = vi.fn(async (_prev: EditorState | undefined, _form: FormData): Promise<EditorState> => ({
      preview: true,
      values: {
        "en.name": "Prepaid",
        "en.dataExposed": "Name",
        "en.remediation": ["**bold** <script>x</script>"],
        "es.remediation": ["**negrita**"],
        sortOrder: "0",
      },
    }));
    const { container } = renderWithIntl(
      <CategoryForm action={action} incidentSlug="demo" mode="edit" initial={initial} />,
    );
    await userEvent.click(screen.getByRole("button", { name: "Preview" }));
    const preview = await screen.findByRole("region", { name: en.admin.incidents.previewTitle });
    expect([...preview.querySelectorAll("strong")].map((s) => s.textContent)).toEqual(["bold", "negrita"]);
    expect(container.querySelector("script")).toBeNull();
    expect(preview).toHaveTextContent("bold <script>x</script>");
    expect(action.mock.calls[0]?.[1].get("intent")).toBe("preview");
  });
});

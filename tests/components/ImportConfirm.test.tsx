import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { ConfirmState } from "@/app/admin/imports/actions";
import { ImportConfirm } from "@/components/admin/ImportConfirm";
import { en } from "@/lib/i18n/messages/en";
import { renderWithIntl } from "@/tests/support/render";

const t = en.admin.imports;
type Action = (prev: ConfirmState | undefined, form: FormData) => Promise<ConfirmState>;

const incidents = [
  {
    slug: "breach-a",
    title: "Breach A",
    categories: [
      { slug: "current", name: "Current customers" },
      { slug: "former", name: "Former customers" },
    ],
  },
  { slug: "breach-b", title: "Breach B", categories: [{ slug: "prepaid", name: "Prepaid" }] },
];
const figures = { batchId: null, rows: 25, imported: 21, duplicates: 1, rejected: 3, seconds: 1 };

function dryRunAction(seen: Record<string, string>[]) {
  return vi.fn<Action>(async (_prev, form) => {
    const fields = Object.fromEntries([...form.entries()].map(([k, v]) => [k, String(v)]));
    seen.push(fields);
    return { dryRun: { ...figures, incident: fields.incident!, category: fields.category! } };
  });
}

const props = { uploadId: "a".repeat(22), name: "list.csv", incidents };

describe("ImportConfirm", () => {
  it("preselects no category for a file without a category column: the importer must choose", async () => {
    const seen: Record<string, string>[] = [];
    const action = dryRunAction(seen);
    renderWithIntl(<ImportConfirm {...props} action={action} hasCategoryColumn={false} />);
    const category = screen.getByLabelText(t.category);
    expect(category).toHaveValue("");
    expect(category).toBeRequired();
    expect(category).toHaveAccessibleDescription(t.chooseCategoryHint);
    // Only the chosen incident's categories, behind a prompt that cannot be chosen.
    expect(screen.getByRole("option", { name: t.chooseCategory })).toBeDisabled();
    expect(screen.queryByRole("option", { name: "Prepaid" })).toBeNull();
    await userEvent.click(screen.getByRole("button", { name: t.dryRun }));
    expect(action).not.toHaveBeenCalled();
  });

  it("keeps incident and category through a dry run, and names both in its result", async () => {
    const seen: Record<string, string>[] = [];
    const action = dryRunAction(seen);
    renderWithIntl(<ImportConfirm {...props} action={action} hasCategoryColumn={false} />);
    await userEvent.selectOptions(screen.getByLabelText(t.incident), "breach-a");
    await userEvent.selectOptions(screen.getByLabelText(t.category), "former");
    await userEvent.click(screen.getByRole("button", { name: t.dryRun }));
    await waitFor(() =>
      expect(screen.getByRole("status")).toHaveTextContent("Dry run into Breach A · Former customers"),
    );
    expect(screen.getByRole("status")).toHaveTextContent("21 would be imported, 1 duplicate, 3 rejected");
    expect(seen).toEqual([expect.objectContaining({ incident: "breach-a", category: "former", mode: "dry-run" })]);
    // The form's reset after its action does not move the choices.
    expect(screen.getByLabelText(t.incident)).toHaveValue("breach-a");
    expect(screen.getByLabelText(t.category)).toHaveValue("former");
    await userEvent.click(screen.getByRole("button", { name: t.start }));
    await waitFor(() => expect(seen).toHaveLength(2));
    expect(seen[1]).toMatchObject({ incident: "breach-a", category: "former", mode: "import" });
  });

  it("offers the file's category column, chosen by default, when there is one", async () => {
    renderWithIntl(<ImportConfirm {...props} action={vi.fn<Action>()} hasCategoryColumn />);
    expect(screen.getByLabelText(t.category)).toHaveValue("");
    expect(screen.getByRole("option", { name: t.fromColumn })).toBeEnabled();
    await userEvent.selectOptions(screen.getByLabelText(t.incident), "breach-b");
    expect(screen.getByRole("option", { name: "Prepaid" })).toBeInTheDocument();
    expect(screen.queryByRole("option", { name: "Former customers" })).toBeNull();
  });
});

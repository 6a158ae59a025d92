import { screen, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { ConsoleNav } from "@/components/admin/ConsoleNav";
import { CONSOLE_SECTIONS, sectionsFor } from "@/lib/auth/console-sections";
import { can, ROLES, type Role } from "@/lib/auth/permissions";
import { en } from "@/lib/i18n/messages/en";
import { renderWithIntl } from "@/tests/support/render";

const { pathname } = vi.hoisted(() => ({ pathname: { current: "/admin" } }));
vi.mock("next/navigation", () => ({ usePathname: () => pathname.current }));

const t = en.admin.shell;
const signOut = vi.fn(async () => {});

function renderNav(role: Role) {
  const sections = sectionsFor(role).map(({ key, href }) => ({ key, href }));
  return renderWithIntl(<ConsoleNav email={`${role}@example.com`} role={role} sections={sections} signOut={signOut} />);
}

/** The wide-screen list (the narrow one in <details> holds the same links). */
function navLinks(): string[] {
  const nav = screen.getByRole("navigation", { name: t.navLabel });
  const lists = within(nav).queryAllByRole("list");
  if (lists.length === 0) return [];
  return within(lists[lists.length - 1]!)
    .queryAllByRole("link")
    .map((a) => a.getAttribute("href")!);
}

describe("ConsoleNav", () => {
  beforeEach(() => {
    pathname.current = "/admin";
  });

  it.each(ROLES)("shows a %s exactly the sections the role may use", (role) => {
    renderNav(role);
    const expected = CONSOLE_SECTIONS.filter((s) => can(role, s.permission)).map((s) => s.href);
    expect(navLinks()).toEqual(expected);
    for (const s of CONSOLE_SECTIONS.filter((x) => !can(role, x.permission)))
      expect(screen.queryByRole("link", { name: en.admin.shell.nav[s.key] })).not.toBeInTheDocument();
  });

  it("gives a viewer the dashboard only", () => {
    renderNav("viewer");
    expect(navLinks()).toEqual(["/admin/dashboard"]);
  });

  it("gives an owner the settings page", () => {
    renderNav("owner");
    expect(navLinks()).toContain("/admin/settings");
  });

  it("says who is signed in with their role, and signs out with a POST form", () => {
    renderNav("agent");
    const nav = screen.getByRole("navigation", { name: t.navLabel });
    expect(nav).toHaveTextContent("Signed in as agent@example.com");
    expect(nav).toHaveTextContent(en.admin.roles.agent);
    const button = within(nav).getByRole("button", { name: t.signOut });
    const form = button.closest("form")!;
    // React renders a server action as a POST form; never a link that a prefetch could follow.
    expect(form.getAttribute("method") ?? "post").not.toMatch(/get/i);
    expect(within(nav).queryByRole("link", { name: t.signOut })).not.toBeInTheDocument();
  });

  it("marks the current section and spells out where you are", () => {
    pathname.current = "/admin/imports/upload/3f1d";
    renderNav("importer");
    const current = screen.getAllByRole("link", { current: "page" });
    expect(current.map((a) => a.getAttribute("href"))).toEqual(["/admin/imports", "/admin/imports"]);
    const crumbs = screen.getByRole("navigation", { name: t.breadcrumb });
    expect(within(crumbs).getByRole("link", { name: t.console })).toHaveAttribute("href", "/admin");
    expect(within(crumbs).getByRole("link", { name: t.nav.imports })).toHaveAttribute("href", "/admin/imports");
    expect(within(crumbs).getByText(t.pages.uploadPreview)).toHaveAttribute("aria-current", "page");
  });

  it("folds the sections into a menu that needs no JavaScript", () => {
    renderNav("owner");
    const summary = screen.getByText(t.menu);
    expect(summary.tagName).toBe("SUMMARY");
    expect(summary.closest("details")).not.toBeNull();
  });

  it("lists no sections while a one-time password is still to change", () => {
    renderWithIntl(<ConsoleNav email="new@example.com" role="owner" sections={[]} signOut={signOut} />);
    expect(navLinks()).toEqual([]);
    expect(screen.getByRole("button", { name: t.signOut })).toBeInTheDocument();
  });
});

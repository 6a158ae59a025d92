import type { Metadata } from "next";
import type { ReactNode } from "react";
import { signOutAction } from "@/app/admin/actions";
import { ConsoleNav } from "@/components/admin/ConsoleNav";
import { sectionsFor } from "@/lib/auth/console-sections";
import { getAdmin } from "@/lib/auth/next";
import { passwordChangePending } from "@/lib/auth/session";
import { getTranslator } from "@/lib/i18n/translator";

export function generateMetadata(): Metadata {
  const t = getTranslator();
  return {
    title: { template: `%s — ${t("admin.shell.home", { app: t("app.name") })}`, default: t("admin.home.title") },
    robots: { index: false, follow: false },
  };
}

/**
 * The console's shell. It reads the session only to draw the bar (who, which sections):
 * it is no guard, since layouts are not re-run on every navigation, so each page and
 * action checks the session itself (requirePermission / requireAdmin). Signed out (the
 * sign-in page) there is no bar; with a one-time password still to change, no sections.
 */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const admin = await getAdmin();
  if (!admin) return <div className="space-y-6">{children}</div>;
  const sections = passwordChangePending(admin) ? [] : sectionsFor(admin.role).map(({ key, href }) => ({ key, href }));
  return (
    <div className="space-y-6">
      <ConsoleNav email={admin.email} role={admin.role} sections={sections} signOut={signOutAction} />
      {children}
    </div>
  );
}

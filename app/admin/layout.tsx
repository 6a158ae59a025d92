import type { Metadata } from "next";
import type { ReactNode } from "react";

// No auth here on purpose: layouts are not re-run on every navigation, so each page
// and action checks the session itself (requirePermission / requireAdmin).
export const metadata: Metadata = { robots: { index: false, follow: false } };

export default function AdminLayout({ children }: { children: ReactNode }) {
  return <div className="space-y-6">{children}</div>;
}

"use client";

import { usePathname } from "next/navigation";
import { useTranslations } from "use-intl";
import { trailFor, type SectionKey } from "@/lib/auth/console-sections";
import type { Role } from "@/lib/auth/permissions";

type Props = {
  email: string;
  role: Role;
  /** The sections this role may use (sectionsFor), in order; none while a password change is pending. */
  sections: { key: SectionKey; href: string }[];
  signOut: () => Promise<void>;
};

const focus = "focus:outline-none focus-visible:ring-4 focus-visible:ring-blue-300";
const item = `block rounded-md px-3 py-2 font-semibold ${focus}`;

/**
 * The console's bar: the sections the signed-in role may use, who is signed in, and
 * sign-out (a POST to a server action). On narrow screens the sections fold into a
 * <details> menu, which opens without JavaScript. Under it, the breadcrumb.
 */
export function ConsoleNav({ email, role, sections, signOut }: Props) {
  const t = useTranslations("admin.shell");
  const tRoles = useTranslations("admin.roles");
  const pathname = usePathname() ?? "/admin";
  const trail = trailFor(pathname);
  const current = trail[0]?.kind === "section" ? trail[0].key : null;
  const links = (
    <ul className="flex flex-col gap-1 md:flex-row md:flex-wrap">
      {sections.map((s) => (
        <li key={s.key}>
          <a
            href={s.href}
            aria-current={s.key === current ? "page" : undefined}
            className={`${item} ${s.key === current ? "bg-slate-900 text-white" : "text-blue-900 hover:bg-slate-200"}`}
          >
            {t(`nav.${s.key}`)}
          </a>
        </li>
      ))}
    </ul>
  );
  return (
    <div className="space-y-3">
      <nav aria-label={t("navLabel")} className="rounded-md border border-slate-300 bg-slate-50 p-2 text-slate-900">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <p className="px-2 text-sm">
            <span className="font-semibold">{t("signedIn", { email })}</span>{" "}
            <span className="rounded bg-slate-200 px-1.5 py-0.5">{t("role", { role: tRoles(role) })}</span>
          </p>
          <div className="flex items-center gap-2">
            <a href="/admin/account" className={`${item} text-blue-900 underline underline-offset-2`}>
              {t("account")}
            </a>
            <form action={signOut}>
              <button type="submit" className={`${item} border border-slate-600 bg-white hover:bg-slate-100`}>
                {t("signOut")}
              </button>
            </form>
          </div>
        </div>
        {sections.length > 0 && (
          <>
            <details className="mt-2 md:hidden">
              <summary className={`${item} cursor-pointer text-slate-900`}>{t("menu")}</summary>
              <div className="mt-1">{links}</div>
            </details>
            <div className="mt-2 hidden md:block">{links}</div>
          </>
        )}
      </nav>
      <Breadcrumb trail={trail} />
    </div>
  );
}

function Breadcrumb({ trail }: { trail: ReturnType<typeof trailFor> }) {
  const t = useTranslations("admin.shell");
  const steps = [
    { label: t("console"), href: "/admin" },
    ...trail.map((c) =>
      c.kind === "section" ? { label: t(`nav.${c.key}`), href: c.href } : { label: t(`pages.${c.key}`), href: null },
    ),
  ];
  return (
    <nav aria-label={t("breadcrumb")} className="text-sm text-slate-700">
      <ol className="flex flex-wrap items-center gap-1">
        {steps.map((s, i) => {
          const last = i === steps.length - 1;
          return (
            <li key={i} className="flex items-center gap-1">
              {i > 0 && <span aria-hidden="true">›</span>}
              {last || !s.href ? (
                <span aria-current={last ? "page" : undefined} className="font-semibold text-slate-900">
                  {s.label}
                </span>
              ) : (
                <a href={s.href} className={`text-blue-800 underline underline-offset-2 ${focus}`}>
                  {s.label}
                </a>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

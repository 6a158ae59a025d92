import { redirect } from "next/navigation";
import { verifyFactorAction } from "@/app/admin/sign-in/actions";
import { FactorForm } from "@/components/admin/FactorForm";
import { getAdmin } from "@/lib/auth/next";
import { getTranslator } from "@/lib/i18n/translator";

/** A sign-in's second step: after the right password, the authenticator's code. */
export default async function SignInFactorPage() {
  if (await getAdmin()) redirect("/admin");
  const t = getTranslator();
  return (
    <>
      <h1 className="text-3xl font-bold text-slate-900">{t("admin.factor.title")}</h1>
      <p className="text-slate-800">{t("admin.factor.intro")}</p>
      <FactorForm action={verifyFactorAction} />
      <a href="/admin/sign-in" className="text-blue-800 underline underline-offset-2">
        {t("admin.factor.restart")}
      </a>
    </>
  );
}

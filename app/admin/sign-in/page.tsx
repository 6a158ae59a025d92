import { redirect } from "next/navigation";
import { signInAction } from "@/app/admin/sign-in/actions";
import { SignInForm } from "@/components/admin/SignInForm";
import { getAdmin } from "@/lib/auth/next";
import { getTranslator } from "@/lib/i18n/translator";

export default async function SignInPage() {
  if (await getAdmin()) redirect("/admin");
  const t = getTranslator();
  return (
    <>
      <h1 className="text-3xl font-bold text-slate-900">{t("admin.signIn.title")}</h1>
      <p className="text-slate-800">{t("admin.signIn.intro")}</p>
      <SignInForm action={signInAction} />
    </>
  );
}

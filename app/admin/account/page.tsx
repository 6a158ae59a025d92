import { changePasswordAction } from "@/app/admin/account/actions";
import { ChangePasswordForm } from "@/components/admin/ChangePasswordForm";
import { requireSignedIn } from "@/lib/auth/next";
import { getTranslator } from "@/lib/i18n/translator";

/** Any signed-in role: change the password they sign in with. */
export default async function AccountPage() {
  const admin = await requireSignedIn();
  const t = getTranslator();
  return (
    <>
      <h1 className="text-3xl font-bold text-slate-900">{t("admin.account.title")}</h1>
      {admin.mustChangePassword && (
        <p role="alert" className="font-semibold text-slate-900">
          {t("admin.account.mustChange")}
        </p>
      )}
      <p className="text-slate-800">{t("admin.account.intro")}</p>
      <ChangePasswordForm action={changePasswordAction} email={admin.email} />
      <a href="/admin" className="text-blue-800 underline underline-offset-2">
        {t("admin.account.back")}
      </a>
    </>
  );
}

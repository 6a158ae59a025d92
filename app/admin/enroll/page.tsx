import { confirmEnrolmentAction, startEnrolmentAction } from "@/app/admin/enroll/actions";
import { EnrolForm } from "@/components/admin/EnrolForm";
import { requireSession } from "@/lib/auth/next";
import { getTranslator } from "@/lib/i18n/translator";

/** Set up a second factor: the one console page a user without one reaches (ADMIN_MFA=required). */
export default async function EnrolPage() {
  const admin = await requireSession();
  const t = getTranslator();
  return (
    <>
      <h1 className="text-3xl font-bold text-slate-900">{t("admin.enroll.title")}</h1>
      {admin.secondFactor ? (
        <p className="text-slate-800">{t("admin.enroll.done")}</p>
      ) : (
        <>
          <p className="text-slate-800">{t("admin.enroll.intro")}</p>
          <EnrolForm start={startEnrolmentAction} confirm={confirmEnrolmentAction} />
        </>
      )}
      <a href="/admin" className="text-blue-800 underline underline-offset-2">
        {t("admin.account.back")}
      </a>
    </>
  );
}

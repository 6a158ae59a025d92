import {
  confirmEnrolmentAction,
  passkeyRegistrationOptionsAction,
  registerPasskeyAction,
  startEnrolmentAction,
} from "@/app/admin/enroll/actions";
import { EnrolForm } from "@/components/admin/EnrolForm";
import { PasskeyRegister } from "@/components/admin/PasskeyRegister";
import { requireSession } from "@/lib/auth/next";
import { getTranslator } from "@/lib/i18n/translator";

/**
 * Set up a second factor: the one console page a user without one reaches
 * (ADMIN_MFA=required). An authenticator app (TOTP), or a passkey (docs/adr/0038).
 */
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
          <section aria-labelledby="passkey-enrol-title" className="space-y-4 border-t border-slate-300 pt-6">
            <h2 id="passkey-enrol-title" className="text-2xl font-bold text-slate-900">
              {t("admin.passkeys.enrolTitle")}
            </h2>
            <p className="text-slate-800">{t("admin.passkeys.enrolIntro")}</p>
            <PasskeyRegister options={passkeyRegistrationOptionsAction} register={registerPasskeyAction} withPassword />
          </section>
        </>
      )}
      <a href="/admin" className="text-blue-800 underline underline-offset-2">
        {t("admin.account.back")}
      </a>
    </>
  );
}

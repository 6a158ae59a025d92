import { changePasswordAction, removePasskeyAction } from "@/app/admin/account/actions";
import {
  confirmEnrolmentAction,
  passkeyRegistrationOptionsAction,
  registerPasskeyAction,
  startEnrolmentAction,
} from "@/app/admin/enroll/actions";
import { ChangePasswordForm } from "@/components/admin/ChangePasswordForm";
import { EnrolForm } from "@/components/admin/EnrolForm";
import { PasskeyList } from "@/components/admin/PasskeyList";
import { PasskeyRegister } from "@/components/admin/PasskeyRegister";
import { requireSignedIn } from "@/lib/auth/next";
import { factorsOf, listPasskeys } from "@/lib/auth/passkeys";
import { getTranslator } from "@/lib/i18n/translator";
import { getServices } from "@/lib/services";

/**
 * Any signed-in role: change the password they sign in with, manage their passkeys, and
 * (with passkeys only) add an authenticator app and its backup codes (docs/adr/0040).
 */
export default async function AccountPage() {
  const admin = await requireSignedIn();
  const t = getTranslator();
  const db = getServices().admin.db;
  const factors = await factorsOf(db, admin.id);
  const passkeys = (await listPasskeys(db, admin.id)).map((p) => ({
    id: p.id,
    name: p.name,
    addedOn: p.createdAt ? p.createdAt.toISOString().slice(0, 10) : "",
  }));
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
      <section aria-labelledby="passkeys-title" className="space-y-4 border-t border-slate-300 pt-6">
        <h2 id="passkeys-title" className="text-2xl font-bold text-slate-900">
          {t("admin.passkeys.accountTitle")}
        </h2>
        <p className="text-slate-800">{t("admin.passkeys.accountIntro")}</p>
        <PasskeyList passkeys={passkeys} remove={removePasskeyAction} />
        <h3 className="text-xl font-bold text-slate-900">{t("admin.passkeys.addTitle")}</h3>
        <PasskeyRegister
          options={passkeyRegistrationOptionsAction}
          register={registerPasskeyAction}
          withPassword={!admin.secondFactor}
        />
      </section>
      {factors.passkey && !factors.totp && (
        <section aria-labelledby="totp-add-title" className="space-y-4 border-t border-slate-300 pt-6">
          <h2 id="totp-add-title" className="text-2xl font-bold text-slate-900">
            {t("admin.account.totpTitle")}
          </h2>
          <p className="text-slate-800">{t("admin.account.totpIntro")}</p>
          <EnrolForm start={startEnrolmentAction} confirm={confirmEnrolmentAction} />
        </section>
      )}
      <a href="/admin" className="text-blue-800 underline underline-offset-2">
        {t("admin.account.back")}
      </a>
    </>
  );
}

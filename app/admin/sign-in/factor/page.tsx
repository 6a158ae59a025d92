import { redirect } from "next/navigation";
import { signInPasskeyOptionsAction, verifyFactorAction, verifySignInPasskeyAction } from "@/app/admin/sign-in/actions";
import { FactorForm } from "@/components/admin/FactorForm";
import { PasskeyAssert } from "@/components/forms/PasskeyAssert";
import { cookieHeader, getAdmin } from "@/lib/auth/next";
import { pendingSignIn } from "@/lib/auth/passkey-factor";
import { factorsOf } from "@/lib/auth/passkeys";
import { getTranslator } from "@/lib/i18n/translator";
import { getServices } from "@/lib/services";

/**
 * A sign-in's second step: after the right password, the authenticator's code or a
 * passkey (docs/adr/0038), whichever the user has. Without a pending sign-in the code
 * form is shown, and answers "sign in again".
 */
export default async function SignInFactorPage() {
  if (await getAdmin()) redirect("/admin");
  const t = getTranslator();
  const deps = getServices().admin;
  const pending = await pendingSignIn(deps, await cookieHeader());
  const factors = pending ? await factorsOf(deps.db, pending.userId) : { totp: true, passkey: false };
  const codes = factors.totp || !factors.passkey;
  return (
    <>
      <h1 className="text-3xl font-bold text-slate-900">
        {codes ? t("admin.factor.title") : t("admin.passkeys.signInTitle")}
      </h1>
      <p className="text-slate-800">{codes ? t("admin.factor.intro") : t("admin.passkeys.signInOnly")}</p>
      {codes && <FactorForm action={verifyFactorAction} />}
      {factors.passkey && (
        <section aria-label={t("admin.passkeys.signInUse")} className="space-y-3">
          {codes && <p className="text-slate-800">{t("admin.passkeys.signInIntro")}</p>}
          <PasskeyAssert
            options={signInPasskeyOptionsAction}
            verify={verifySignInPasskeyAction}
            label={t("admin.passkeys.signInUse")}
          />
        </section>
      )}
      <a href="/admin/sign-in" className="text-blue-800 underline underline-offset-2">
        {t("admin.factor.restart")}
      </a>
    </>
  );
}

"use server";

import { redirect } from "next/navigation";
import { signIn } from "@/lib/auth/sign-in";
import { verifySignInCode } from "@/lib/auth/second-factor";
import { signInPasskeyOptions, verifySignInPasskey } from "@/lib/auth/passkey-factor";
import type { Ceremony, RequestOptions } from "@/lib/auth/passkeys";
import { cookieHeader, requestMeta, setCookies } from "@/lib/auth/next";
import { asAppError, errorMessage } from "@/lib/http/respond";
import { getServices } from "@/lib/services";
import { formString } from "@/lib/validation/form-data";

const FACTOR_PATH = "/admin/sign-in/factor";

export type SignInState = { email?: string; error?: string };

/** The sign-in form's action (the one console action open without a session). */
export async function signInAction(_prev: SignInState, form: FormData): Promise<SignInState> {
  const email = formString(form, "email").slice(0, 320);
  let pending = false;
  try {
    const res = await signIn(
      getServices().admin,
      { email, password: formString(form, "password") },
      await requestMeta(),
      await cookieHeader(),
    );
    await setCookies(res.setCookie);
    if ("secondFactorPending" in res) pending = true;
  } catch (e) {
    return { email, error: errorMessage(asAppError(e, "sign-in")) };
  }
  redirect(pending ? FACTOR_PATH : "/admin");
}

export type FactorState = { error?: string };

/**
 * The second step of a sign-in (public: the signed "two_factor" cookie from the password
 * step names the user): a TOTP or backup code → a session.
 */
export async function verifyFactorAction(_prev: FactorState, form: FormData): Promise<FactorState> {
  try {
    const { setCookie } = await verifySignInCode(
      getServices().admin,
      { code: formString(form, "code").slice(0, 64) },
      await cookieHeader(),
      await requestMeta(),
    );
    await setCookies(setCookie);
  } catch (e) {
    return { error: errorMessage(asAppError(e, "second factor")) };
  }
  redirect("/admin");
}

export type PasskeyAssertState = { ceremony?: Ceremony<RequestOptions>; error?: string };

/**
 * The second step with a passkey (docs/adr/0038), public like verifyFactorAction: options
 * for the passkeys of the user the "two_factor" cookie names (no cookie, no options).
 */
export async function signInPasskeyOptionsAction(_prev: unknown, _form?: FormData): Promise<PasskeyAssertState> {
  try {
    return { ceremony: await signInPasskeyOptions(getServices().admin, await cookieHeader()) };
  } catch (e) {
    return { error: errorMessage(asAppError(e, "passkey options")) };
  }
}

/** The browser's assertion → a session, as a right code gives one. */
export async function verifySignInPasskeyAction(_prev: unknown, form: FormData): Promise<PasskeyAssertState> {
  try {
    const { setCookie } = await verifySignInPasskey(
      getServices().admin,
      { response: formString(form, "response"), handle: formString(form, "handle") },
      await cookieHeader(),
      await requestMeta(),
    );
    await setCookies(setCookie);
  } catch (e) {
    return { error: errorMessage(asAppError(e, "passkey sign-in")) };
  }
  redirect("/admin");
}

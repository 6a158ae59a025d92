"use server";

import { redirect } from "next/navigation";
import { signIn } from "@/lib/auth/sign-in";
import { verifySignInCode } from "@/lib/auth/second-factor";
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

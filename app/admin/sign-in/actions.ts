"use server";

import { redirect } from "next/navigation";
import { signIn } from "@/lib/auth/sign-in";
import { requestMeta, setCookies } from "@/lib/auth/next";
import { asAppError, errorMessage } from "@/lib/http/respond";
import { getServices } from "@/lib/services";
import { formString } from "@/lib/validation/form-data";

export type SignInState = { email?: string; error?: string };

/** The sign-in form's action (the one console action open without a session). */
export async function signInAction(_prev: SignInState, form: FormData): Promise<SignInState> {
  const email = formString(form, "email").slice(0, 320);
  try {
    const { setCookie } = await signIn(
      getServices().admin,
      { email, password: formString(form, "password") },
      await requestMeta(),
    );
    await setCookies(setCookie);
  } catch (e) {
    return { email, error: errorMessage(asAppError(e, "sign-in")) };
  }
  redirect("/admin");
}

"use server";

import { redirect } from "next/navigation";
import { signIn } from "@/lib/auth/sign-in";
import { requestMeta, setCookies } from "@/lib/auth/next";
import { AppError, isAppError } from "@/lib/errors";
import { errorMessage } from "@/lib/http/respond";
import { log } from "@/lib/log";
import { getServices } from "@/lib/services";

export type SignInState = { email?: string; error?: string };

const field = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === "string" ? v : "";
};

/** The sign-in form's action (the one console action open without a session). */
export async function signInAction(_prev: SignInState, form: FormData): Promise<SignInState> {
  const email = field(form, "email").slice(0, 320);
  try {
    const { setCookie } = await signIn(
      getServices().admin,
      { email, password: field(form, "password") },
      await requestMeta(),
    );
    await setCookies(setCookie);
  } catch (e) {
    if (!isAppError(e)) log.error({ err: e }, "sign-in failed");
    return { email, error: errorMessage(isAppError(e) ? e : new AppError("internal")) };
  }
  redirect("/admin");
}

"use server";

import { redirect } from "next/navigation";
import { cookieHeader, requestMeta, requireSession, setCookies, SIGN_IN_PATH } from "@/lib/auth/next";
import { signOut } from "@/lib/auth/sign-in";
import { getServices } from "@/lib/services";

/** Ends the session server-side, clears the cookie, back to the sign-in page. */
export async function signOutAction(): Promise<void> {
  await requireSession();
  await setCookies(await signOut(getServices().admin, await cookieHeader(), await requestMeta()));
  redirect(SIGN_IN_PATH);
}

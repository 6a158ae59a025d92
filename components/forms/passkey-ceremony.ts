import {
  browserSupportsWebAuthn,
  startAuthentication,
  startRegistration,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
} from "@simplewebauthn/browser";

/** Why the browser gave no credential: it cannot do WebAuthn, or the user cancelled (or it timed out). */
export type CeremonyRefusal = "unsupported" | "cancelled";

/**
 * Runs a WebAuthn ceremony in the browser from the server's options (docs/adr/0038) and
 * returns its answer as JSON text for a server action, or why there is none.
 */
export async function runCeremony(
  kind: "register" | "assert",
  options: PublicKeyCredentialCreationOptionsJSON | PublicKeyCredentialRequestOptionsJSON,
): Promise<{ response: string } | { refused: CeremonyRefusal }> {
  if (!browserSupportsWebAuthn()) return { refused: "unsupported" };
  try {
    const answer =
      kind === "register"
        ? await startRegistration({ optionsJSON: options as PublicKeyCredentialCreationOptionsJSON })
        : await startAuthentication({ optionsJSON: options as PublicKeyCredentialRequestOptionsJSON });
    return { response: JSON.stringify(answer) };
  } catch {
    return { refused: "cancelled" };
  }
}

/** FormData for the second server action of a ceremony. */
export function ceremonyForm(fields: Record<string, string>): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  return form;
}

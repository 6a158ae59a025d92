"use client";

import { useState, useTransition } from "react";
import { useTranslations } from "use-intl";
import type { Ceremony, RequestOptions } from "@/lib/auth/passkeys";
import { ceremonyForm, runCeremony } from "@/components/forms/passkey-ceremony";

type Options = (prev: unknown) => Promise<{ ceremony?: Ceremony<RequestOptions>; error?: string }>;
type Verify = (prev: unknown, form: FormData) => Promise<{ error?: string; confirmed?: boolean } | undefined>;

/**
 * One button that confirms with a passkey (docs/adr/0038): the server's options, the
 * browser's ceremony, the server's verification. Sign-in's second step redirects from
 * its action; a step-up calls `onConfirmed`.
 */
export function PasskeyAssert({
  options,
  verify,
  label,
  onConfirmed,
}: {
  options: Options;
  verify: Verify;
  label: string;
  onConfirmed?: () => void;
}) {
  const t = useTranslations("admin.passkeys");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const confirm = () =>
    startTransition(async () => {
      setError(null);
      const started = await options(undefined);
      if (!started.ceremony) return setError(started.error ?? t("cancelled"));
      const done = await runCeremony("assert", started.ceremony.options);
      if ("refused" in done) return setError(t(done.refused));
      const verified = await verify(
        undefined,
        ceremonyForm({ response: done.response, handle: started.ceremony.handle }),
      );
      if (verified?.error) return setError(verified.error);
      if (verified?.confirmed) onConfirmed?.();
    });
  return (
    <div className="space-y-3">
      {error && (
        <p role="alert" className="rounded-md border border-red-700 bg-red-50 p-3 font-medium text-red-800">
          {error}
        </p>
      )}
      <button
        type="button"
        onClick={confirm}
        disabled={pending}
        aria-disabled={pending}
        className="rounded-md border-2 border-blue-800 px-5 py-2.5 font-semibold text-blue-900 hover:bg-blue-50 focus:outline-none focus:ring-4 focus:ring-blue-300 disabled:opacity-70"
      >
        {label}
      </button>
    </div>
  );
}

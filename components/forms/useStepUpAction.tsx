"use client";

import { startTransition, useActionState, useRef, useState, type ReactNode } from "react";
import { useTranslations } from "use-intl";
import {
  confirmStepUpAction,
  confirmStepUpPasskeyAction,
  stepUpPasskeyOptionsAction,
  type StepUpState,
} from "@/app/admin/step-up/actions";
import { TextField } from "@/components/forms/Fields";
import { FormStatus } from "@/components/forms/FormStatus";
import { PasskeyAssert } from "@/components/forms/PasskeyAssert";
import { SubmitButton } from "@/components/forms/SubmitButton";

type Stepped = { stepUp?: boolean } | undefined | void;
type ConfirmAction = (prev: StepUpState, form: FormData) => Promise<StepUpState>;

/**
 * useActionState for a high-risk console action (docs/adr/0019). When the action answers
 * step_up_required (`stepUp` in its state), the form's data is kept and `prompt` shows a
 * code field in place; once the code is confirmed (its own server action, which sets no
 * cookie), the kept data is sent again. The server refuses the action without a recent
 * confirmation whatever this component does.
 */
export function useStepUpAction<S extends Stepped>(
  action: (prev: S, form: FormData) => Promise<S>,
  initial: Awaited<S>,
  confirm: ConfirmAction = confirmStepUpAction,
): [Awaited<S>, (form: FormData) => void, boolean, ReactNode] {
  const kept = useRef<FormData | null>(null);
  const [asking, setAsking] = useState(false);
  const [state, formAction, pending] = useActionState(async (prev: Awaited<S>, form: FormData) => {
    const next = await action(prev, form);
    if (next && typeof next === "object" && next.stepUp) {
      kept.current = form;
      setAsking(true);
    }
    return next as Awaited<S>;
  }, initial);
  const resubmit = () => {
    const form = kept.current;
    kept.current = null;
    setAsking(false);
    if (form) startTransition(() => formAction(form));
  };
  const prompt = asking ? (
    <StepUpPrompt confirm={confirm} onConfirmed={resubmit} onCancel={() => setAsking(false)} />
  ) : null;
  return [state, formAction, pending, prompt];
}

/** The code field, in place of nothing: a region beside the form that asked for it. */
export function StepUpPrompt({
  confirm,
  onConfirmed,
  onCancel,
}: {
  confirm: ConfirmAction;
  onConfirmed: () => void;
  onCancel: () => void;
}) {
  const t = useTranslations("admin.stepUp");
  const tp = useTranslations("admin.passkeys");
  const [state, action, pending] = useActionState(async (prev: StepUpState, form: FormData) => {
    const next = await confirm(prev, form);
    if (next.confirmed) onConfirmed();
    return next;
  }, {});
  return (
    <section
      role="dialog"
      aria-modal="false"
      aria-labelledby="step-up-title"
      className="space-y-3 rounded-md border-2 border-blue-700 bg-blue-50 p-4"
    >
      <h2 id="step-up-title" className="text-lg font-bold text-slate-900">
        {t("title")}
      </h2>
      <p className="text-slate-800">{t("intro")}</p>
      {/* Its own form: not nested in the form it confirms. */}
      <form action={action} className="space-y-3" noValidate>
        {state.error && <FormStatus error={state.error} />}
        <TextField
          name="code"
          id="step-up-code"
          label={t("code")}
          hint={t("codeHint")}
          autoComplete="one-time-code"
          required
          autoFocus
          className="w-full max-w-xs"
        />
        <div className="flex gap-3">
          <SubmitButton pending={pending}>{t("confirm")}</SubmitButton>
          <button
            type="button"
            onClick={onCancel}
            className="rounded-md border border-slate-600 px-4 py-2 font-semibold text-slate-900 hover:bg-slate-100 focus:outline-none focus:ring-4 focus:ring-blue-300"
          >
            {t("cancel")}
          </button>
        </div>
      </form>
      {/* Or a passkey (docs/adr/0038): its own server actions, no cookie set either. */}
      <PasskeyAssert
        options={stepUpPasskeyOptionsAction}
        verify={confirmStepUpPasskeyAction}
        label={tp("stepUpUse")}
        onConfirmed={onConfirmed}
      />
    </section>
  );
}

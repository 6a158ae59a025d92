"use client";

import { useActionState, useEffect, useRef } from "react";
import { useTranslations } from "use-intl";
import { ExposureBanner } from "@/components/ExposureBanner";
import { CodeForm } from "@/components/check/CodeForm";
import { PhoneForm } from "@/components/check/PhoneForm";
import { RestartForm } from "@/components/check/RestartForm";
import { INITIAL_FLOW, type FlowState } from "@/lib/checks/flow-state";
import type { CarrierSettings } from "@/lib/config/carrier-fields";

type Action = (form: FormData) => void;
type Props = {
  action: (prev: FlowState, form: FormData) => Promise<FlowState>;
  open: boolean;
  /** CHALLENGE is not off: the number's form carries the proof-of-work widget. */
  challenge?: boolean;
  /** The carrier's name and contacts, shown with the result. */
  carrier?: CarrierSettings;
};

/** The check, step by step: number → code → result (open mode skips the code). */
export function CheckFlow({ action, open, challenge = false, carrier }: Props) {
  const [state, formAction, pending] = useActionState(action, INITIAL_FLOW);
  const container = useRef<HTMLDivElement>(null);
  const shown = useRef(state);
  // Each answer replaces the form that had focus: move focus to the field in error, or
  // else the new step's heading, so keyboard and screen-reader users land where things changed.
  useEffect(() => {
    if (shown.current === state) return;
    shown.current = state;
    const root = container.current;
    (
      root?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? root?.querySelector<HTMLElement>("[data-step-focus]")
    )?.focus();
  }, [state]);
  return (
    <div ref={container}>
      <Step state={state} action={formAction} pending={pending} open={open} challenge={challenge} carrier={carrier} />
    </div>
  );
}

type StepProps = {
  state: FlowState;
  action: Action;
  pending: boolean;
  open: boolean;
  challenge: boolean;
  carrier?: CarrierSettings;
};

function Step({ state, action, pending, open, challenge, carrier }: StepProps) {
  const t = useTranslations("result");
  switch (state.step) {
    case "phone":
      return (
        <PhoneForm
          action={action}
          pending={pending}
          open={open}
          challenge={challenge}
          round={state}
          defaultPhone={state.phone}
          error={state.error}
        />
      );
    case "code":
      return (
        <CodeForm
          action={action}
          pending={pending}
          checkId={state.checkId}
          maskedPhone={state.maskedPhone}
          expiresInMs={state.expiresInMs}
          error={state.error}
          dead={state.dead}
          resent={state.resent}
        />
      );
    case "result":
      return (
        <div className="space-y-6">
          <ExposureBanner result={state.result} carrier={carrier} />
          <RestartForm action={action} label={t("checkAnother")} />
        </div>
      );
  }
}

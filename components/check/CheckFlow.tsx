"use client";

import { useActionState } from "react";
import { useTranslations } from "use-intl";
import { ExposureBanner } from "@/components/ExposureBanner";
import { CodeForm } from "@/components/check/CodeForm";
import { PhoneForm } from "@/components/check/PhoneForm";
import { INITIAL_FLOW, type FlowState } from "@/lib/checks/flow-state";

type Props = {
  action: (prev: FlowState, form: FormData) => Promise<FlowState>;
  open: boolean;
};

/** The check, step by step: number → code → result (open mode skips the code). */
export function CheckFlow({ action, open }: Props) {
  const [state, formAction, pending] = useActionState(action, INITIAL_FLOW);
  const t = useTranslations("result");
  switch (state.step) {
    case "phone":
      return <PhoneForm action={formAction} pending={pending} open={open} defaultPhone={state.phone} error={state.error} />;
    case "code":
      return (
        <CodeForm action={formAction} pending={pending} checkId={state.checkId} maskedPhone={state.maskedPhone} error={state.error} />
      );
    case "result":
      return (
        <div className="space-y-6">
          <ExposureBanner result={state.result} />
          <form action={formAction}>
            <input type="hidden" name="intent" value="restart" />
            <button type="submit" className="text-blue-800 underline underline-offset-2">
              {t("checkAnother")}
            </button>
          </form>
        </div>
      );
  }
}

"use client";

import { useState } from "react";
import { useTranslations } from "use-intl";
import { confirmStepUpAction } from "@/app/admin/step-up/actions";
import { StepUpPrompt } from "@/components/forms/useStepUpAction";

/**
 * For a plain form post the server sent back for a step-up (undoing an import): the code
 * prompt on the page it came back to; once confirmed, the user presses the button again.
 */
export function StepUpNotice() {
  const t = useTranslations("admin.stepUp");
  const [state, setState] = useState<"ask" | "done" | "closed">("ask");
  if (state === "closed") return null;
  if (state === "done")
    return (
      <p role="status" className="font-medium text-green-800">
        {t("again")}
      </p>
    );
  return (
    <StepUpPrompt
      confirm={confirmStepUpAction}
      onConfirmed={() => setState("done")}
      onCancel={() => setState("closed")}
    />
  );
}

"use client";

import { useTranslations } from "use-intl";
import { useStepUpAction } from "@/components/forms/useStepUpAction";
import type { ApiKeyRowState } from "@/app/admin/api-keys/actions";
import { ConfirmButton } from "@/components/forms/ConfirmButton";

type Props = {
  apiKey: { id: string; name: string };
  revoke: (prev: ApiKeyRowState | undefined, form: FormData) => Promise<ApiKeyRowState>;
};

/** One key's revoke form, behind the confirmation step, with its outcome next to it. */
export function ApiKeyRowActions({ apiKey, revoke }: Props) {
  const t = useTranslations("admin.apiKeys");
  const [state, action, pending, stepUp] = useStepUpAction(revoke, {});
  return (
    <>
      <ConfirmButton
        action={action}
        trigger={t("revokeOpen")}
        triggerLabel={t("revokeKey", { name: apiKey.name })}
        consequence={t("revokeConsequence", { name: apiKey.name })}
        confirm={t("revokeConfirm", { name: apiKey.name })}
        fields={{ keyId: apiKey.id }}
        pending={pending}
        open={Boolean(state.error)}
      >
        {state.error ? (
          <p role="alert" className="font-medium text-red-800">
            {state.error}
          </p>
        ) : (
          <p role="status" className="text-sm font-medium text-green-800">
            {state.notice ?? ""}
          </p>
        )}
      </ConfirmButton>
      {stepUp}
    </>
  );
}

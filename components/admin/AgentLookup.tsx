"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "use-intl";
import { Markdown } from "@/components/Markdown";
import { TextField } from "@/components/forms/Fields";
import { SubmitButton } from "@/components/forms/SubmitButton";
import type { LookupState } from "@/app/admin/lookup/actions";

type Props = { action: (prev: LookupState | undefined, form: FormData) => Promise<LookupState> };

/** One past lookup of this page's session: the masked number and the gist, never the number. */
type Recent = { masked: string; groups: string[] };

/**
 * The agent's lookup, made for a phone call: the field keeps what was typed for
 * correction, the masked number stays beside the answer, the answer speaks to the agent
 * with the steps to read out, and this session's lookups stay listed, masked, in this
 * component's state only (gone on reload or sign-out; nothing is stored).
 */
export function AgentLookup({ action }: Props) {
  const [state, formAction, pending] = useActionState(action, {});
  const t = useTranslations("admin.lookup");
  const tOffers = useTranslations("admin.offers.lookup");
  const tOffer = useTranslations("result.offer");
  const [recent, setRecent] = useState<Recent[]>([]);
  const [seen, setSeen] = useState(state);
  // A new answer joins the list (state adjusted while rendering, not in an effect).
  if (seen !== state) {
    setSeen(state);
    if (state.result && state.masked) {
      const groups = state.result.exposures.map((x) => `${x.category.name}, ${x.incident.title}`);
      setRecent((r) => [{ masked: state.masked!, groups }, ...r].slice(0, 20));
    }
  }
  return (
    <div className="space-y-6">
      <form action={formAction} className="space-y-4" noValidate>
        <TextField
          // Remounted per answer, so the field shows what was typed for that answer.
          key={`${recent.length}:${state.phone ?? ""}:${state.error ?? ""}`}
          name="phone"
          label={t("label")}
          hint={t("hint")}
          error={state.error}
          type="tel"
          inputMode="tel"
          autoComplete="off"
          required
          maxLength={40}
          defaultValue={state.phone}
          className="w-full max-w-sm"
        />
        <SubmitButton pending={pending}>{t("submit")}</SubmitButton>
      </form>
      {state.result && state.masked && <Answer state={state} masked={state.masked} />}
      {state.result?.exposures.some((x) => typeof x.offer?.code === "string") && (
        <section aria-labelledby="codes-heading" className="space-y-1">
          <h2 id="codes-heading" className="text-lg font-semibold text-slate-900">
            {tOffer("code")}
          </h2>
          <ul className="list-disc pl-6 text-slate-800">
            {state.result.exposures
              .filter((x) => typeof x.offer?.code === "string")
              .map((x) => (
                <li key={x.category.slug}>
                  {x.category.name}: <strong className="font-mono">{x.offer!.code}</strong>
                </li>
              ))}
          </ul>
          <p className="text-sm text-slate-700">{tOffers("audited")}</p>
        </section>
      )}
      {recent.length > 0 && (
        <section aria-labelledby="recent-heading" className="space-y-2">
          <h2 id="recent-heading" className="text-xl font-bold text-slate-900">
            {t("recentHeading")}
          </h2>
          <p className="text-sm text-slate-700">{t("recentIntro")}</p>
          <ul className="list-disc space-y-1 pl-6 text-slate-800">
            {recent.map((r, i) => (
              <li key={recent.length - i}>
                {r.groups.length > 0
                  ? t("recentAffected", { masked: r.masked, groups: r.groups.join("; ") })
                  : t("recentNotFound", { masked: r.masked })}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

function Answer({ state, masked }: { state: LookupState; masked: string }) {
  const t = useTranslations("admin.lookup");
  const result = state.result!;
  const box = result.affected ? "border-amber-600 bg-amber-50" : "border-slate-500 bg-slate-50";
  return (
    <section aria-labelledby="answer-heading" className={`space-y-4 rounded-lg border-l-8 p-5 ${box}`}>
      <p className="font-mono text-lg text-slate-900">{t("searched", { masked })}</p>
      {!result.affected ? (
        <>
          <h2 id="answer-heading" className="text-lg font-semibold text-slate-900">
            {t("notFoundTitle", { masked })}
          </h2>
          <p className="text-slate-800">{t("notFoundBody")}</p>
        </>
      ) : (
        <>
          <h2 id="answer-heading" className="text-lg font-semibold text-slate-900">
            {t("affectedTitle", { masked })}
          </h2>
          {result.exposures.map((x) => {
            const key = `${x.incident.slug}/${x.category.slug}`;
            return (
              <div key={key} className="space-y-2 rounded-md bg-white p-4 shadow-sm">
                <h3 className="font-semibold text-slate-900">
                  {t("affectedGroup", { group: x.category.name, incident: x.incident.title })}
                </h3>
                <p className="text-slate-800">{t("exposed", { data: x.category.dataExposed.join(", ") })}</p>
                <h4 className="text-sm font-semibold uppercase tracking-wide text-slate-700">{t("stepsHeading")}</h4>
                <ol className="list-decimal space-y-1 pl-6 text-slate-800">
                  {(state.steps?.[key] ?? []).map((step, i) => (
                    <li key={i}>
                      <Markdown>{step}</Markdown>
                    </li>
                  ))}
                </ol>
                <a
                  href={x.remediationUrl}
                  target="_blank"
                  className="inline-block font-semibold text-blue-800 underline underline-offset-2"
                >
                  {t("customerPage", { group: x.category.name })}
                </a>
              </div>
            );
          })}
        </>
      )}
    </section>
  );
}

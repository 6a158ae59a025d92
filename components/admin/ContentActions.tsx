"use client";

import { useId } from "react";
import { useTranslations } from "use-intl";
import { useStepUpAction } from "@/components/forms/useStepUpAction";
import { InlineStatus } from "@/components/admin/EditorPreview";
import { SubmitButton } from "@/components/forms/SubmitButton";
import type { EditorState } from "@/app/admin/incidents/actions";

// The editor's publishing controls: each a small form of its own whose outcome shows
// next to its button.

type Action = (prev: EditorState | undefined, form: FormData) => Promise<EditorState>;

export type ContentStateView = {
  draft: { editorEmail: string; savedAt: Date; restoredFrom: number | null } | null;
  publishedVersion: number | null;
  history: { version: number; publishedBy: string | null; publishedAt: Date | null; live: boolean }[];
};

type Subject = { incident: string; category?: string };

function Hidden({ subject }: { subject: Subject }) {
  return (
    <>
      <input type="hidden" name="incident" value={subject.incident} />
      {subject.category && <input type="hidden" name="category" value={subject.category} />}
    </>
  );
}

/** One button in a form of its own, its outcome beside it. */
function ActionButton({
  action,
  subject,
  label,
  extra,
}: {
  action: Action;
  subject: Subject;
  label: string;
  extra?: Record<string, string>;
}) {
  const [state, formAction, pending, stepUp] = useStepUpAction(action, {});
  return (
    <>
      <form action={formAction} className="flex flex-wrap items-center gap-4">
        <Hidden subject={subject} />
        {Object.entries(extra ?? {}).map(([k, v]) => (
          <input key={k} type="hidden" name={k} value={v} />
        ))}
        <SubmitButton pending={pending}>{label}</SubmitButton>
        <InlineStatus state={state} />
      </form>
      {stepUp}
    </>
  );
}

/**
 * Where a subject's text stands (published version, draft), Publish (or, under
 * two-person review, why this user may not), links to the preview, and the history with
 * a Restore button per earlier version.
 */
export function ContentPanel({
  subject,
  content,
  mayPublish,
  reviewed,
  publish,
  restore,
  previews,
}: {
  subject: Subject;
  content: ContentStateView;
  /** False when two-person review is on and this user edited the draft. */
  mayPublish: boolean;
  /** Two-person review is on: publishing is approving someone else's draft. */
  reviewed: boolean;
  publish: Action;
  restore: Action;
  previews?: { href: string; label: string }[];
}) {
  const t = useTranslations("admin.incidents");
  const { draft } = content;
  return (
    <div className="space-y-3 rounded-md bg-slate-50 p-3" data-testid="content-panel">
      <p className="text-slate-800">
        {content.publishedVersion === null
          ? t("status.unpublished")
          : t("status.published", { version: content.publishedVersion })}{" "}
        {draft ? t("status.draft", { editor: draft.editorEmail, savedAt: draft.savedAt }) : t("status.noDraft")}
        {draft?.restoredFrom ? ` ${t("status.restored", { version: draft.restoredFrom })}` : ""}
      </p>
      {previews && previews.length > 0 && (
        <ul className="flex flex-wrap gap-4">
          {previews.map((p) => (
            <li key={p.href}>
              <a href={p.href} className="text-blue-800 underline underline-offset-2">
                {p.label}
              </a>
            </li>
          ))}
        </ul>
      )}
      {/* Kept after publishing (when no draft is left), so its outcome stays beside it. */}
      {mayPublish ? (
        <ActionButton action={publish} subject={subject} label={reviewed ? t("approve") : t("publish")} />
      ) : (
        <p className="font-medium text-amber-900">{t("waitingReview")}</p>
      )}
      {content.history.length > 0 && (
        <details>
          <summary className="cursor-pointer font-medium text-slate-900">{t("history")}</summary>
          <ol className="mt-2 space-y-2">
            {content.history.map((h) => (
              <li key={h.version} className="space-y-1">
                <p className="text-slate-800">
                  {t("historyItem", { version: h.version, by: h.publishedBy ?? "", at: h.publishedAt ?? new Date(0) })}{" "}
                  {h.live ? t("historyLive") : ""}
                </p>
                <ActionButton
                  action={restore}
                  subject={subject}
                  label={t("restore", { version: h.version })}
                  extra={{ version: String(h.version) }}
                />
              </li>
            ))}
          </ol>
        </details>
      )}
    </div>
  );
}

/** Deleting a group: a box to tick first, so one click cannot do it. */
export function DeleteCategoryForm({ subject, name, action }: { subject: Subject; name: string; action: Action }) {
  const t = useTranslations("admin.incidents");
  const [state, formAction, pending, stepUp] = useStepUpAction(action, {});
  const id = useId();
  return (
    <>
      <form action={formAction} className="space-y-2 rounded-md border border-red-300 p-3">
        <Hidden subject={subject} />
        <p className="font-medium text-slate-900">{t("deleteTitle")}</p>
        <p className="text-sm text-slate-700">{t("deleteHint")}</p>
        <p>
          <input id={id} type="checkbox" name="confirm" value="yes" className="mr-2" />
          <label htmlFor={id}>{t("deleteConfirm", { name })}</label>
        </p>
        <div className="flex flex-wrap items-center gap-4">
          <button
            type="submit"
            disabled={pending}
            className="rounded-md bg-red-800 px-5 py-2.5 font-semibold text-white hover:bg-red-900 focus:outline-none focus:ring-4 focus:ring-red-300 disabled:opacity-70"
          >
            {t("delete")}
          </button>
          <InlineStatus state={state} />
        </div>
      </form>
      {stepUp}
    </>
  );
}

/** An owner's two-person review switch for one incident. */
export function ReviewToggle({ incident, on, action }: { incident: string; on: boolean; action: Action }) {
  const t = useTranslations("admin.incidents.review");
  return (
    <div className="space-y-2">
      <p className="text-slate-800">{on ? t("on") : t("off")}</p>
      <ActionButton
        action={action}
        subject={{ incident }}
        label={on ? t("turnOff") : t("turnOn")}
        extra={{ reviewRequired: on ? "off" : "on" }}
      />
    </div>
  );
}

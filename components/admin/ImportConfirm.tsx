"use client";

import { startTransition, useActionState, useEffect, useState, type FormEvent } from "react";
import { useTranslations } from "use-intl";
import type { ConfirmState } from "@/app/admin/imports/actions";

type Incident = { slug: string; title: string; categories: { slug: string; name: string }[] };

type Props = {
  action: (prev: ConfirmState | undefined, form: FormData) => Promise<ConfirmState>;
  uploadId: string;
  name: string;
  incidents: Incident[];
  hasCategoryColumn: boolean;
  /** Resuming a failed batch: incident and category are the batch's, not chosen. */
  resume?: { batchId: number; incident: string; category: string | undefined };
};

const select =
  "mt-1 block rounded-md border border-slate-500 px-3 py-2 text-slate-900 focus:outline-none focus:ring-4 focus:ring-blue-300";

/**
 * Choose incident and category (or resume a batch into its own), then a dry run or the
 * import. The choices are held here, and the form is submitted by hand: React resets a
 * form after its action, which put the Category select back on its first option after
 * every dry run (controlled selects included). Without JavaScript the form posts as is.
 * A file without a category column starts with no category chosen: the importer must
 * pick one.
 */
export function ImportConfirm({ action, uploadId, name, incidents, hasCategoryColumn, resume }: Props) {
  const [state, formAction, pending] = useActionState(action, {});
  const t = useTranslations("admin.imports");
  const [incident, setIncident] = useState(incidents[0]?.slug ?? "");
  const [category, setCategory] = useState("");
  const [mode, setMode] = useState<"dry-run" | "import">("import");
  const elapsed = useElapsed(pending && mode === "dry-run");
  const categories = incidents.find((i) => i.slug === incident)?.categories ?? [];
  const nameOf = (slug: string, cat: string) => {
    const inc = incidents.find((i) => i.slug === slug);
    return {
      incident: inc?.title ?? slug,
      category: cat ? (inc?.categories.find((c) => c.slug === cat)?.name ?? cat) : t("fromColumn"),
    };
  };
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const submitter = (e.nativeEvent as SubmitEvent).submitter;
    form.set("mode", submitter?.getAttribute("value") === "dry-run" ? "dry-run" : "import");
    startTransition(() => formAction(form));
  };
  return (
    <form action={formAction} onSubmit={submit} className="space-y-4">
      <input type="hidden" name="uploadId" value={uploadId} />
      <input type="hidden" name="name" value={name} />
      {resume ? (
        <>
          <input type="hidden" name="resume" value={resume.batchId} />
          <input type="hidden" name="incident" value={resume.incident} />
          <input type="hidden" name="category" value={resume.category ?? ""} />
          <p className="text-slate-800">
            {t("resumeInto", {
              batch: resume.batchId,
              incident: resume.incident,
              category: resume.category ?? t("fromColumn"),
            })}
          </p>
        </>
      ) : (
        <>
          <label className="block font-medium text-slate-900">
            {t("incident")}
            <select
              name="incident"
              className={select}
              required
              value={incident}
              onChange={(e) => {
                setIncident(e.target.value);
                setCategory("");
              }}
            >
              {incidents.map((i) => (
                <option key={i.slug} value={i.slug}>
                  {i.title}
                </option>
              ))}
            </select>
          </label>
          <label className="block font-medium text-slate-900">
            {t("category")}
            <select
              name="category"
              className={select}
              required={!hasCategoryColumn}
              value={category}
              onChange={(e) => setCategory(e.target.value)}
              aria-describedby={hasCategoryColumn ? undefined : "category-hint"}
            >
              {hasCategoryColumn ? (
                <option value="">{t("fromColumn")}</option>
              ) : (
                <option value="" disabled>
                  {t("chooseCategory")}
                </option>
              )}
              {categories.map((c) => (
                <option key={c.slug} value={c.slug}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
          {!hasCategoryColumn && (
            <p id="category-hint" className="text-sm text-slate-700">
              {t("chooseCategoryHint")}
            </p>
          )}
        </>
      )}
      {state.error && (
        <p role="alert" className="font-medium text-red-800">
          {state.error}
        </p>
      )}
      <p
        role="status"
        className={pending || state.dryRun ? "rounded-md border border-blue-700 bg-blue-50 p-3 text-slate-900" : ""}
      >
        {pending && mode === "dry-run"
          ? t("dryRunning", { seconds: elapsed.seconds })
          : !pending && state.dryRun
            ? t("dryRunResult", { ...state.dryRun, ...nameOf(state.dryRun.incident, state.dryRun.category) })
            : ""}
      </p>
      <div className="flex gap-3">
        <button
          type="submit"
          name="mode"
          value="dry-run"
          disabled={pending}
          onClick={() => {
            setMode("dry-run");
            elapsed.start();
          }}
          className="rounded-md border border-slate-500 px-4 py-2 font-semibold text-slate-900"
        >
          {t("dryRun")}
        </button>
        <button
          type="submit"
          name="mode"
          value="import"
          disabled={pending}
          onClick={() => setMode("import")}
          className="rounded-md bg-blue-800 px-4 py-2 font-semibold text-white"
        >
          {resume ? t("resumeStart") : t("start")}
        </button>
      </div>
    </form>
  );
}

/** Whole seconds since start() while `running` (0 otherwise): the dry run's sign of life. */
function useElapsed(running: boolean): { seconds: number; start: () => void } {
  const [startedAt, setStartedAt] = useState(0);
  const [now, setNow] = useState(0);
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [running]);
  const start = () => {
    const at = Date.now();
    setStartedAt(at);
    setNow(at);
  };
  return { seconds: running ? Math.max(0, Math.floor((now - startedAt) / 1000)) : 0, start };
}

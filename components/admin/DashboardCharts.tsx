import type { ReactNode } from "react";
import { columns, groupedRows } from "@/lib/dashboard/chart";
import type { CheckDay, ImportDay, IncidentCounts } from "@/lib/dashboard/stats";
import { getTranslator } from "@/lib/i18n/translator";

// Server-rendered charts: no client script and no style attributes (the CSP allows
// neither), colours come from Tailwind classes. Each chart is one role="img" with a
// summary, and the exact figures follow in a <details> table for screen readers and no-JS.
// Bars are SVG; labels are never drawn inside a scaled viewBox (they shrank to ~5 px on a
// phone), but in CSS pixels.

const SERIES = ["fill-blue-700", "fill-teal-600", "fill-orange-600"] as const;
// The day plot's drawing units (stretched to the box, so only the proportions matter).
const PLOT_W = 720;
const PLOT_H = 200;
const th = "py-1 pr-4 text-left font-semibold";
const td = "py-1 pr-4 text-right tabular-nums";

function Figures({ children }: { children: ReactNode }) {
  const t = getTranslator();
  return (
    <details className="rounded-md border border-slate-300 p-3">
      <summary className="cursor-pointer font-semibold text-blue-800">{t("admin.dashboard.figures")}</summary>
      {/* Scrolls on a phone and past 24 rows: a named region that takes focus, for the arrow keys. */}
      <div
        role="region"
        aria-label={t("admin.dashboard.figuresTable")}
        tabIndex={0}
        className="mt-2 max-h-96 overflow-auto focus:outline-none focus-visible:ring-4 focus-visible:ring-blue-300"
      >
        <table className="border-collapse text-sm text-slate-900">{children}</table>
      </div>
    </details>
  );
}

/** Where a day's label sits under its column, in % of the plot: the end ones hug the edges so they are never cut. */
function labelAt(c: { x: number; width: number }, i: number, last: number, width: number) {
  if (i === 0) return { x: `${(c.x / width) * 100}%`, anchor: "start" as const };
  if (i === last) return { x: `${((c.x + c.width) / width) * 100}%`, anchor: "end" as const };
  return { x: `${((c.x + c.width / 2) / width) * 100}%`, anchor: "middle" as const };
}

/**
 * Columns per day, one bar per series, with a 0 / half / top scale on the left. Only the
 * bars are drawn in a stretched viewBox; every label is text in CSS pixels (HTML, or an
 * SVG without a viewBox placed by percentages), so it keeps its size on a 390 px phone
 * instead of shrinking with the drawing.
 */
function DayColumns({
  label,
  days,
  series,
}: {
  label: string;
  days: { day: string; values: number[] }[];
  series: string[];
}) {
  const t = getTranslator();
  const plot = { width: PLOT_W, height: PLOT_H };
  const chart = columns(
    days.map((d) => ({ label: d.day, values: d.values })),
    plot,
  );
  const ticks = [chart.max, chart.max / 2, 0];
  const labelled = new Set([0, Math.floor((days.length - 1) / 2), days.length - 1]);
  return (
    <>
      <div role="img" aria-label={label} className="grid grid-cols-[auto_1fr] gap-x-2">
        <div className="flex h-[200px] flex-col justify-between text-right text-xs leading-none text-slate-700 tabular-nums">
          {ticks.map((v) => (
            <span key={v}>{Number.isInteger(v) ? v.toLocaleString("en-US") : ""}</span>
          ))}
        </div>
        <svg viewBox={`0 0 ${plot.width} ${plot.height}`} preserveAspectRatio="none" className="block h-[200px] w-full">
          {ticks.map((v) => {
            const y = plot.height - (v / chart.max) * plot.height;
            return (
              <line
                key={v}
                x1={0}
                x2={plot.width}
                y1={y}
                y2={y}
                className="stroke-slate-300"
                strokeWidth={1}
                vectorEffect="non-scaling-stroke"
              />
            );
          })}
          {chart.columns.map((c) =>
            c.bars.map((b) => (
              <rect
                key={`${c.label}-${b.series}`}
                x={b.x}
                y={b.y}
                width={b.width}
                height={b.height}
                className={SERIES[b.series % SERIES.length]}
              />
            )),
          )}
        </svg>
        <span />
        <svg className="block h-5 w-full overflow-visible">
          {chart.columns.map((c, i) => {
            if (!labelled.has(i)) return null;
            const at = labelAt(c, i, days.length - 1, plot.width);
            return (
              <text key={c.label} x={at.x} y={15} textAnchor={at.anchor} className="fill-slate-700 text-xs">
                {c.label.slice(5)}
              </text>
            );
          })}
        </svg>
      </div>
      {series.length > 1 && (
        <ul aria-label={t("admin.dashboard.checks.legend")} className="flex flex-wrap gap-4 text-sm text-slate-800">
          {series.map((name, i) => (
            <li key={name} className="flex items-center gap-2">
              <svg aria-hidden="true" width={12} height={12} viewBox="0 0 12 12">
                <rect width={12} height={12} className={SERIES[i % SERIES.length]} />
              </svg>
              {name}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export function AffectedChart({ incidents }: { incidents: IncidentCounts[] }) {
  const t = getTranslator();
  if (incidents.length === 0) return <p className="text-slate-800">{t("admin.dashboard.affected.empty")}</p>;
  // Bars scaled to 100 units; names and figures are HTML text, so they wrap and keep their size.
  const chart = groupedRows(
    incidents.map((i) => ({ label: i.title, rows: i.categories.map((c) => ({ label: c.name, value: c.accounts })) })),
    { width: 100, line: 1 },
  );
  const items = incidents
    .flatMap((i) =>
      i.categories.map((c) =>
        t("admin.dashboard.affected.item", { incident: i.title, group: c.name, accounts: c.accounts }),
      ),
    )
    .join("; ");
  return (
    <>
      <div role="img" aria-label={t("admin.dashboard.affected.summary", { items })} className="space-y-3">
        {chart.groups.map((g, gi) => (
          <div key={incidents[gi]!.incidentId} className="space-y-1">
            <p className="text-sm font-bold text-slate-900 wrap-break-word">{g.label}</p>
            {g.rows.map((r, ri) => (
              <div
                key={incidents[gi]!.categories[ri]!.categoryId}
                className="grid grid-cols-[1fr_auto] items-center gap-x-2 text-sm text-slate-800 sm:grid-cols-[12rem_1fr_auto] sm:pl-4"
              >
                <span className="col-span-2 wrap-break-word sm:col-span-1">{r.label}</span>
                <svg viewBox="0 0 100 1" preserveAspectRatio="none" className="block h-4 w-full">
                  <rect width={r.width} height={1} className="fill-blue-700" />
                </svg>
                <span className="text-right text-slate-900 tabular-nums">{r.value.toLocaleString("en-US")}</span>
              </div>
            ))}
          </div>
        ))}
      </div>
      <Figures>
        <thead>
          <tr className="border-b border-slate-400">
            <th scope="col" className={th}>
              {t("admin.dashboard.affected.incident")}
            </th>
            <th scope="col" className={th}>
              {t("admin.dashboard.affected.group")}
            </th>
            <th scope="col" className={th}>
              {t("admin.dashboard.affected.accounts")}
            </th>
          </tr>
        </thead>
        <tbody>
          {incidents.flatMap((i) => [
            ...i.categories.map((c) => (
              <tr key={c.categoryId} className="border-b border-slate-200">
                <td className="py-1 pr-4">{i.title}</td>
                <th scope="row" className={th}>
                  {c.name}
                </th>
                <td className={td}>{c.accounts.toLocaleString("en-US")}</td>
              </tr>
            )),
            <tr key={`total-${i.incidentId}`} className="border-b border-slate-400">
              <td className="py-1 pr-4">{i.title}</td>
              <th scope="row" className={th}>
                {t("admin.dashboard.affected.total")}
              </th>
              <td className={`${td} font-semibold`}>{i.accounts.toLocaleString("en-US")}</td>
            </tr>,
          ])}
        </tbody>
      </Figures>
    </>
  );
}

export function ImportsChart({ days }: { days: ImportDay[] }) {
  const t = getTranslator();
  const rows = days.reduce((n, d) => n + d.rows, 0);
  const batches = days.reduce((n, d) => n + d.batches, 0);
  const busiest = days.reduce<ImportDay | undefined>((best, d) => (d.rows > (best?.rows ?? 0) ? d : best), undefined);
  const label = [
    t("admin.dashboard.imports.summary", { from: days[0]?.day ?? "", to: days.at(-1)?.day ?? "", rows, batches }),
    busiest ? t("admin.dashboard.imports.busiest", { day: busiest.day, rows: busiest.rows }) : "",
  ]
    .join(" ")
    .trim();
  return (
    <>
      <DayColumns
        label={label}
        days={days.map((d) => ({ day: d.day, values: [d.rows] }))}
        series={[t("admin.dashboard.imports.rows")]}
      />
      <Figures>
        <DayTable
          days={days.map((d) => ({ day: d.day, values: [d.rows, d.batches] }))}
          heads={[t("admin.dashboard.imports.rows"), t("admin.dashboard.imports.batches")]}
        />
      </Figures>
    </>
  );
}

export function ChecksChart({ days }: { days: CheckDay[] }) {
  const t = getTranslator();
  const sum = (k: "started" | "completed" | "affected") => days.reduce((n, d) => n + d[k], 0);
  const heads = [
    t("admin.dashboard.checks.started"),
    t("admin.dashboard.checks.completed"),
    t("admin.dashboard.checks.affected"),
  ];
  const values = days.map((d) => ({ day: d.day, values: [d.started, d.completed, d.affected] }));
  const label = t("admin.dashboard.checks.summary", {
    from: days[0]?.day ?? "",
    to: days.at(-1)?.day ?? "",
    started: sum("started"),
    completed: sum("completed"),
    affected: sum("affected"),
  });
  return (
    <>
      <DayColumns label={label} days={values} series={heads} />
      <Figures>
        <DayTable days={values} heads={heads} />
      </Figures>
    </>
  );
}

function DayTable({ days, heads }: { days: { day: string; values: number[] }[]; heads: string[] }) {
  const t = getTranslator();
  return (
    <>
      <thead>
        <tr className="border-b border-slate-400">
          <th scope="col" className={th}>
            {t("admin.dashboard.day")}
          </th>
          {heads.map((h) => (
            <th key={h} scope="col" className={th}>
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {days.map((d) => (
          <tr key={d.day} className="border-b border-slate-200">
            <th scope="row" className={th}>
              <time dateTime={d.day}>{d.day}</time>
            </th>
            {d.values.map((v, i) => (
              <td key={i} className={td}>
                {v.toLocaleString("en-US")}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </>
  );
}

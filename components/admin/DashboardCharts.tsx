import type { ReactNode } from "react";
import { columns, groupedRows } from "@/lib/dashboard/chart";
import type { CheckDay, ImportDay, IncidentCounts } from "@/lib/dashboard/stats";
import { getTranslator } from "@/lib/i18n/translator";

// Server-rendered SVG charts: no client script and no style attributes (the CSP allows
// neither), colours come from Tailwind classes. Each chart is one role="img" with a
// summary, and the exact figures follow in a <details> table for screen readers and no-JS.

const SERIES = ["fill-blue-700", "fill-teal-600", "fill-orange-600"] as const;
const W = 720;
const PAD = { left: 64, right: 8, top: 10, bottom: 26 };
const th = "py-1 pr-4 text-left font-semibold";
const td = "py-1 pr-4 text-right tabular-nums";

function Figures({ children }: { children: ReactNode }) {
  const t = getTranslator();
  return (
    <details className="rounded-md border border-slate-300 p-3">
      <summary className="cursor-pointer font-semibold text-blue-800">{t("admin.dashboard.figures")}</summary>
      <div className="mt-2 max-h-96 overflow-auto">
        <table className="border-collapse text-sm text-slate-900">{children}</table>
      </div>
    </details>
  );
}

/** Columns per day, one bar per series, with a 0 / half / top scale on the left. */
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
  const plot = { width: W - PAD.left - PAD.right, height: 200 };
  const chart = columns(
    days.map((d) => ({ label: d.day, values: d.values })),
    plot,
  );
  const ticks = [0, chart.max / 2, chart.max];
  const labelled = new Set([0, Math.floor((days.length - 1) / 2), days.length - 1]);
  return (
    <>
      <svg
        role="img"
        aria-label={label}
        viewBox={`0 0 ${W} ${plot.height + PAD.top + PAD.bottom}`}
        className="h-auto w-full"
      >
        <g transform={`translate(${PAD.left},${PAD.top})`}>
          {ticks.map((v) => {
            const y = plot.height - (v / chart.max) * plot.height;
            return (
              <g key={v}>
                <line x1={0} x2={plot.width} y1={y} y2={y} className="stroke-slate-300" strokeWidth={1} />
                <text x={-6} y={y + 4} textAnchor="end" className="fill-slate-700 text-xs">
                  {Number.isInteger(v) ? v.toLocaleString("en-US") : ""}
                </text>
              </g>
            );
          })}
          {chart.columns.map((c, i) => (
            <g key={c.label}>
              {c.bars.map((b) => (
                <rect
                  key={b.series}
                  x={b.x}
                  y={b.y}
                  width={b.width}
                  height={b.height}
                  className={SERIES[b.series % SERIES.length]}
                />
              ))}
              {labelled.has(i) && (
                <text x={c.x + c.width / 2} y={plot.height + 18} textAnchor="middle" className="fill-slate-700 text-xs">
                  {c.label.slice(5)}
                </text>
              )}
            </g>
          ))}
        </g>
      </svg>
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
  const labelWidth = 240;
  const line = 28;
  const chart = groupedRows(
    incidents.map((i) => ({ label: i.title, rows: i.categories.map((c) => ({ label: c.name, value: c.accounts })) })),
    { width: W - labelWidth - 90, line },
  );
  const items = incidents
    .flatMap((i) =>
      i.categories.map((c) =>
        t("admin.dashboard.affected.item", { incident: i.title, group: c.name, accounts: c.accounts }),
      ),
    )
    .join("; ");
  const short = (s: string) => (s.length > 34 ? `${s.slice(0, 33)}…` : s);
  return (
    <>
      <svg
        role="img"
        aria-label={t("admin.dashboard.affected.summary", { items })}
        viewBox={`0 0 ${W} ${chart.height + 8}`}
        className="h-auto w-full"
      >
        {chart.groups.map((g) => (
          <g key={`${g.y}-${g.label}`}>
            <text x={0} y={g.y + line * 0.7} className="fill-slate-900 text-sm font-bold">
              {short(g.label)}
            </text>
            {g.rows.map((r) => (
              <g key={`${r.y}-${r.label}`}>
                <text x={16} y={r.y + r.height * 0.8} className="fill-slate-800 text-sm">
                  {short(r.label)}
                </text>
                <rect x={labelWidth + r.x} y={r.y} width={r.width} height={r.height} className="fill-blue-700" />
                <text x={labelWidth + r.width + 6} y={r.y + r.height * 0.8} className="fill-slate-900 text-sm">
                  {r.value.toLocaleString("en-US")}
                </text>
              </g>
            ))}
          </g>
        ))}
      </svg>
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

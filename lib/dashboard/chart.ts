// Bar geometry for the dashboard's server-rendered SVG charts: pure numbers, so the
// scaling is tested without rendering and the page only draws rectangles.

export type Rect = { x: number; y: number; width: number; height: number };
export type Bar = Rect & { value: number; series: number };
export type Column = { label: string; x: number; width: number; bars: Bar[] };
export type Row = Rect & { label: string; value: number };
export type RowGroup = { label: string; y: number; rows: Row[] };

/** The axis top: the smallest 1, 2 or 5 × 10ⁿ at or above `max` (1 when there is nothing). */
export function niceMax(max: number): number {
  if (!(max > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 5, 10]) if (step * power >= max) return step * power;
  return 10 * power;
}

/** Scales a value into [0, length], never negative, never past the end. */
function scale(value: number, max: number, length: number): number {
  return Math.min(length, Math.max(0, (value / max) * length));
}

const round = (n: number) => Math.round(n * 100) / 100;

/**
 * One column per point (a day), each holding one bar per series side by side, scaled to
 * a shared nice maximum in a plot area of `width` × `height` (y grows downwards, bars
 * stand on the bottom edge). A value above 0 gets at least 1 unit so it stays visible.
 */
export function columns(
  points: readonly { label: string; values: readonly number[] }[],
  size: { width: number; height: number; gap?: number },
): { max: number; columns: Column[] } {
  const max = niceMax(Math.max(0, ...points.flatMap((p) => p.values)));
  const slot = points.length > 0 ? size.width / points.length : 0;
  const gap = Math.min(size.gap ?? 2, slot / 4);
  return {
    max,
    columns: points.map((p, i) => {
      const x = i * slot + gap / 2;
      const inner = slot - gap;
      const barWidth = p.values.length > 0 ? inner / p.values.length : 0;
      return {
        label: p.label,
        x: round(x),
        width: round(inner),
        bars: p.values.map((value, series) => {
          const h = value > 0 ? Math.max(1, scale(value, max, size.height)) : 0;
          return {
            value,
            series,
            x: round(x + series * barWidth),
            y: round(size.height - h),
            width: round(barWidth),
            height: round(h),
          };
        }),
      };
    }),
  };
}

/**
 * Horizontal bars grouped under headings (categories under their incident), laid out
 * top to bottom: each group takes one heading line, then one line per row.
 */
export function groupedRows(
  groups: readonly { label: string; rows: readonly { label: string; value: number }[] }[],
  size: { width: number; line: number; barHeight?: number },
): { max: number; height: number; groups: RowGroup[] } {
  const max = niceMax(Math.max(0, ...groups.flatMap((g) => g.rows.map((r) => r.value))));
  const barHeight = Math.min(size.barHeight ?? size.line * 0.7, size.line);
  let y = 0;
  const laidOut = groups.map((g) => {
    const group: RowGroup = { label: g.label, y, rows: [] };
    y += size.line;
    for (const r of g.rows) {
      const w = r.value > 0 ? Math.max(1, scale(r.value, max, size.width)) : 0;
      group.rows.push({
        label: r.label,
        value: r.value,
        x: 0,
        y: round(y + (size.line - barHeight) / 2),
        width: round(w),
        height: round(barHeight),
      });
      y += size.line;
    }
    return group;
  });
  return { max, height: y, groups: laidOut };
}

import { describe, expect, it } from "vitest";
import { columns, groupedRows, niceMax } from "@/lib/dashboard/chart";
import { daysOf, fillDays, lastDays } from "@/lib/dashboard/days";

describe("niceMax", () => {
  it("rounds up to 1, 2 or 5 times a power of ten", () => {
    expect([0, -3, Number.NaN, 0.3, 1, 3, 7, 10, 11, 180, 2001, 9_999_999].map(niceMax)).toEqual([
      1, 1, 1, 0.5, 1, 5, 10, 10, 20, 200, 5000, 10_000_000,
    ]);
  });
});

describe("columns", () => {
  it("scales bars to the nice maximum and stands them on the bottom edge", () => {
    const chart = columns(
      [
        { label: "d1", values: [100] },
        { label: "d2", values: [50] },
        { label: "d3", values: [0] },
        { label: "d4", values: [200] },
      ],
      { width: 400, height: 100, gap: 0 },
    );
    expect(chart.max).toBe(200);
    expect(chart.columns.map((c) => c.x)).toEqual([0, 100, 200, 300]);
    expect(chart.columns.map((c) => c.bars[0]!)).toEqual([
      { value: 100, series: 0, x: 0, y: 50, width: 100, height: 50 },
      { value: 50, series: 0, x: 100, y: 75, width: 100, height: 25 },
      { value: 0, series: 0, x: 200, y: 100, width: 100, height: 0 },
      { value: 200, series: 0, x: 300, y: 0, width: 100, height: 100 },
    ]);
  });

  it("puts several series side by side within a column, keeping tiny values visible", () => {
    const chart = columns([{ label: "d", values: [1000, 1, 0] }], { width: 60, height: 100, gap: 0 });
    expect(chart.columns[0]!.bars.map((b) => [b.x, b.width, b.height])).toEqual([
      [0, 20, 100],
      [20, 20, 1],
      [40, 20, 0],
    ]);
  });

  it("draws nothing for zero or no data", () => {
    const zeros = columns(
      [
        { label: "a", values: [0, 0] },
        { label: "b", values: [0, 0] },
      ],
      { width: 100, height: 50 },
    );
    expect(zeros.max).toBe(1);
    expect(zeros.columns.flatMap((c) => c.bars).every((b) => b.height === 0 && b.y === 50)).toBe(true);
    expect(columns([], { width: 100, height: 50 })).toEqual({ max: 1, columns: [] });
  });
});

describe("groupedRows", () => {
  it("lays out a heading line per group and a scaled bar per row", () => {
    const chart = groupedRows(
      [
        {
          label: "Incident A",
          rows: [
            { label: "prepaid", value: 2 },
            { label: "former", value: 1 },
          ],
        },
        { label: "Incident B", rows: [{ label: "empty", value: 0 }] },
      ],
      { width: 300, line: 20, barHeight: 10 },
    );
    expect(chart.max).toBe(2);
    expect(chart.height).toBe(100);
    expect(chart.groups.map((g) => [g.label, g.y])).toEqual([
      ["Incident A", 0],
      ["Incident B", 60],
    ]);
    expect(chart.groups.flatMap((g) => g.rows.map((r) => [r.label, r.y, r.width, r.height]))).toEqual([
      ["prepaid", 25, 300, 10],
      ["former", 45, 150, 10],
      ["empty", 85, 0, 10],
    ]);
  });

  it("handles no groups", () => {
    expect(groupedRows([], { width: 100, line: 20 })).toEqual({ max: 1, height: 0, groups: [] });
  });
});

describe("days", () => {
  it("lists the last n UTC days, today included, and fills gaps", () => {
    const range = lastDays(new Date("2024-03-02T23:30:00Z"), 3);
    expect(range).toEqual({ from: "2024-02-29", to: "2024-03-02" });
    expect(daysOf(range)).toEqual(["2024-02-29", "2024-03-01", "2024-03-02"]);
    expect(fillDays(range, [{ day: "2024-03-01", n: 5 }], (day) => ({ day, n: 0 })).map((d) => d.n)).toEqual([0, 5, 0]);
    expect(daysOf({ from: "2024-03-02", to: "2024-03-01" })).toEqual([]);
  });
});

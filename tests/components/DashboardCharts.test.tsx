import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { AffectedChart, ChecksChart } from "@/components/admin/DashboardCharts";

const days = Array.from({ length: 30 }, (_, i) => ({
  day: `2033-05-${String(i + 1).padStart(2, "0")}`,
  started: i * 10,
  completed: i * 5,
  affected: i,
}));

/** Text drawn inside an SVG that has a viewBox scales with the drawing: on a phone it shrinks to a few pixels. */
function scaledTexts(container: HTMLElement): string[] {
  return [...container.querySelectorAll("svg[viewBox] text")].map((e) => e.textContent ?? "");
}

describe("dashboard charts", () => {
  it("draws the day columns' labels in CSS pixels, the first and last kept inside the plot", () => {
    const { container } = render(<ChecksChart days={days} />);
    const chart = screen.getByRole("img", { name: /^Bar chart of checks per day from 2033-05-01 to 2033-05-30/ });
    expect(scaledTexts(container)).toEqual([]);
    // The scale (0, half, top) and three day labels are there, as fixed-size text.
    expect(within(chart).getByText("0").parentElement).toHaveClass("text-xs");
    const labels = [...chart.querySelectorAll("svg:not([viewBox]) text")];
    expect(labels.map((l) => l.textContent)).toEqual(["05-01", "05-15", "05-30"]);
    expect(labels.map((l) => l.getAttribute("text-anchor"))).toEqual(["start", "middle", "end"]);
    for (const l of labels) expect(l).toHaveClass("text-xs");
    // The bars stretch with the box; their lines stay one pixel thick.
    expect(chart.querySelector("svg[viewBox]")).toHaveAttribute("preserveAspectRatio", "none");
    for (const line of chart.querySelectorAll("line"))
      expect(line).toHaveAttribute("vector-effect", "non-scaling-stroke");
  });

  it("names each group and its count as text beside a bar, not inside the drawing", () => {
    const { container } = render(
      <AffectedChart
        incidents={[
          {
            incidentId: 1,
            slug: "a-very-long-incident-slug",
            title: "An incident with a title long enough to need two lines on a phone",
            accounts: 21_402,
            categories: [
              { categoryId: 1, slug: "prepaid", name: "Prepaid customers", accounts: 21_400 },
              { categoryId: 2, slug: "former", name: "Former customers", accounts: 2 },
            ],
          },
        ]}
      />,
    );
    expect(scaledTexts(container)).toEqual([]);
    const chart = screen.getByRole("img", { name: /Prepaid customers: 21,400/ });
    expect(within(chart).getByText("An incident with a title long enough to need two lines on a phone")).toBeVisible();
    expect(within(chart).getByText("21,400")).toBeVisible();
    const bars = [...chart.querySelectorAll("rect")].map((r) => Number(r.getAttribute("width")));
    expect(bars[0]).toBeGreaterThan(bars[1]!);
    expect(bars[1]).toBeGreaterThanOrEqual(1);
  });
});

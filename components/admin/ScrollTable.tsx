import type { ReactNode } from "react";

/**
 * A wide table's own horizontal scroll: on a phone (390 px) the table scrolls inside
 * this box and the page does not. The box is a named region that takes focus, so a
 * keyboard user can scroll it with the arrow keys (axe: scrollable-region-focusable).
 */
export function ScrollTable({ labelledBy, children }: { labelledBy: string; children: ReactNode }) {
  return (
    <div
      role="region"
      aria-labelledby={labelledBy}
      tabIndex={0}
      className="overflow-x-auto rounded-sm focus:outline-none focus-visible:ring-4 focus-visible:ring-blue-300"
    >
      {children}
    </div>
  );
}

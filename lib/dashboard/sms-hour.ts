import type { BudgetStatus, SendBudget } from "@/lib/sms/budget";
import { ALL_PREFIXES, type ConversionRow, type ConversionWatch } from "@/lib/sms/conversion";

/** Prefixes shown beside the whole service's budget: the hour's busiest by texts sent. */
export const BUSIEST_PREFIXES = 5;

export type SmsHour = { status: BudgetStatus; conversion: ConversionRow[] };

/**
 * The dashboard's texts panel: the hour's budgets (the whole service, the busiest
 * prefixes and any that tripped), the owners' pause, and the conversion watch's counts.
 */
export async function smsHour(
  deps: { budget: Pick<SendBudget, "status">; watch: Pick<ConversionWatch, "forHour"> },
  at: Date,
  busiest = BUSIEST_PREFIXES,
): Promise<SmsHour> {
  const conversion = await deps.watch.forHour(at);
  const top = conversion
    .filter((r) => r.prefix !== ALL_PREFIXES)
    .slice(0, busiest)
    .map((r) => r.prefix);
  return { status: await deps.budget.status(top), conversion };
}

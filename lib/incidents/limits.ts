/** Size limits of console-edited incident text (no zod here: forms in the browser read them too). */
export const LIMITS = {
  slug: { min: 2, max: 60 },
  title: 200,
  name: 200,
  summary: 5_000,
  dataItem: 200,
  dataItems: 30,
  step: 2_000,
  steps: 20,
  sortOrder: 9_999,
  contactPhone: 40,
  contactMail: 500,
  offerMonths: 120,
} as const;

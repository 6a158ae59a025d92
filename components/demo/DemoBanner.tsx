"use client";

import { ExposureBanner } from "@/components/ExposureBanner";
import type { ExposureResult } from "@/lib/exposures/types";

/** The check's banner on the demo account page (a client component: it uses the intl hooks). */
export function DemoBanner({ result }: { result: ExposureResult }) {
  return <ExposureBanner result={result} />;
}

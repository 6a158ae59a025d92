import { OfferPoolsPanel } from "@/components/admin/OfferPoolsPanel";
import { poolStats } from "@/lib/offers/pool-stats";
import { getServices } from "@/lib/services";

/** The dashboard's code pools (ADR 32), loading its own figures: placed by the page in one line. */
export async function OfferPools() {
  return <OfferPoolsPanel pools={await poolStats(getServices().db)} />;
}

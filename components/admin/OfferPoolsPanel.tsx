import { getTranslator } from "@/lib/i18n/translator";
import { LOW_POOL_MIN, type PoolStat } from "@/lib/offers/pool-stats";

const th = "border-b border-slate-400 py-1 pr-4 text-left";
const td = "border-b border-slate-200 py-1 pr-4";

/** Activation codes left per group's pool, a pool running low flagged in words, not colour alone. */
export function OfferPoolsPanel({ pools }: { pools: PoolStat[] }) {
  const t = getTranslator();
  return (
    <section aria-labelledby="pools-heading" className="space-y-3">
      <h2 id="pools-heading" className="text-xl font-bold text-slate-900">
        {t("admin.offers.pools.heading")}
      </h2>
      <p className="text-slate-800">{t("admin.offers.pools.intro", { min: LOW_POOL_MIN })}</p>
      {pools.length === 0 ? (
        <p className="text-slate-800">{t("admin.offers.pools.empty")}</p>
      ) : (
        <table className="border-collapse text-sm text-slate-900">
          <thead>
            <tr>
              <th scope="col" className={th}>
                {t("admin.offers.pools.group")}
              </th>
              <th scope="col" className={th}>
                {t("admin.offers.pools.left")}
              </th>
              <th scope="col" className={th}>
                {t("admin.offers.pools.total")}
              </th>
              <th scope="col" className={th}>
                {t("admin.offers.pools.state")}
              </th>
            </tr>
          </thead>
          <tbody>
            {pools.map((p) => (
              <tr key={`${p.incident}/${p.category}`}>
                <th scope="row" className={`${td} font-normal`}>
                  {t("admin.offers.pools.item", { incident: p.incident, group: p.name })}
                </th>
                <td className={td}>{p.left}</td>
                <td className={td}>{p.total}</td>
                <td className={`${td} ${p.low ? "font-bold text-red-800" : ""}`}>
                  {p.low ? t("admin.offers.pools.low") : t("admin.offers.pools.ok")}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

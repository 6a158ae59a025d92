import { actedBy, recordAudit, type AuditCtx } from "@/lib/audit/record";
import type { Db } from "@/lib/db/client";
import { CARRIER_FIELDS, type CarrierField, type CarrierSettings } from "@/lib/config/carrier-fields";
import { CarrierSettingsInput } from "@/lib/settings/schemas";
import { parseInput } from "@/lib/validation/parse-input";

/**
 * The carrier's public details at run time: the configured defaults (CARRIER_*) with the
 * owners' overrides from carrier_setting on top (docs/adr/0024-carrier-settings.md).
 * Customer pages read them on every request, so each process keeps them CACHE_MS: a
 * change shows at once on the node that made it and within that time on the others.
 */
export const CACHE_MS = 5_000;

export type Overrides = Partial<CarrierSettings>;

export interface CarrierSettingsStore {
  /** Defaults with overrides applied, from the cache when fresh. */
  current(): Promise<CarrierSettings>;
  /** What owners changed (the form shows these; blank fields use the defaults). */
  overrides(): Promise<Overrides>;
  readonly defaults: CarrierSettings;
  /** Drops the cache: the next read goes to the database. */
  invalidate(): void;
}

type Deps = { db: Db; defaults: CarrierSettings; now?: () => number; cacheMs?: number };

export function createCarrierSettings({
  db,
  defaults,
  now = Date.now,
  cacheMs = CACHE_MS,
}: Deps): CarrierSettingsStore {
  let cached: { at: number; overrides: Promise<Overrides> } | null = null;
  const overrides = () => {
    if (!cached || now() - cached.at >= cacheMs) {
      const read = readOverrides(db);
      cached = { at: now(), overrides: read };
      // A failed read is not cached: the next request tries again.
      read.catch(() => {
        if (cached?.overrides === read) cached = null;
      });
    }
    return cached.overrides;
  };
  return {
    defaults,
    overrides,
    current: async () => ({ ...defaults, ...(await overrides()) }),
    invalidate: () => {
      cached = null;
    },
  };
}

function isField(key: string): key is CarrierField {
  return (CARRIER_FIELDS as readonly string[]).includes(key);
}

async function readOverrides(db: Pick<Db, "carrierSetting">): Promise<Overrides> {
  const rows = await db.carrierSetting.findMany({ select: { key: true, value: true } });
  const out: Overrides = {};
  for (const r of rows) if (isField(r.key)) out[r.key] = r.value;
  return out;
}

/**
 * An owner's save of the settings form: a field equal to its default, or blank, drops
 * its override; any other value becomes one. Audited (the names of the fields changed,
 * in the same transaction) when something changed.
 */
export async function updateCarrierSettings(
  store: Pick<CarrierSettingsStore, "defaults" | "invalidate">,
  db: Db,
  input: unknown,
  ctx: AuditCtx,
  now = new Date(),
): Promise<{ changed: CarrierField[] }> {
  const data = parseInput(CarrierSettingsInput, input);
  const changed = await db.$transaction(async (tx) => {
    const before = await readOverrides(tx);
    const fields: CarrierField[] = [];
    for (const key of CARRIER_FIELDS) {
      const wanted = data[key] === "" || data[key] === store.defaults[key] ? undefined : data[key];
      if (wanted === before[key]) continue;
      fields.push(key);
      if (wanted === undefined) await tx.carrierSetting.delete({ where: { key } });
      else
        await tx.carrierSetting.upsert({
          where: { key },
          create: { key, value: wanted, updatedAt: now, updatedBy: ctx.actor.email },
          update: { value: wanted, updatedAt: now, updatedBy: ctx.actor.email },
        });
    }
    if (fields.length > 0) await recordAudit(tx, { ...actedBy(ctx), action: "settings_changed", details: { fields } });
    return fields;
  });
  store.invalidate();
  return { changed };
}

import type { Db } from "@/lib/db/client";
import type { ExposureResult } from "@/lib/exposures/types";
import { readCategoryBody, readIncidentBody, resolveText } from "@/lib/incidents/content";
import { offerTexts } from "@/lib/incidents/notice";
import { SOURCE_LOCALE, contentLocale, type ContentLocale } from "@/lib/incidents/locales";

/**
 * The check result's incident titles, group names, data-exposed labels and offer
 * instructions in a locale, for the check page's server action and the check API alike
 * (one per process: lib/services.ts). The instructions are the category row's live
 * translation (offer_text, ADR 36), read with the published text it belongs to.
 * The lookup query reads the published English (ADR 27); this swaps in the published
 * translation field by field, English where it is missing (ADR 28). English results pass
 * through untouched. The published text of every incident is read at most once per
 * `ttlMs` per process and kept (a few kilobytes per group), so a verified check costs no
 * extra query; a publish shows here within `ttlMs`.
 */
export function exposureLocalizer(db: Db, ttlMs = 5_000, now: () => number = Date.now) {
  type Texts = { incidents: Map<string, unknown>; categories: Map<string, unknown>; offers: Map<string, unknown> };
  let cached: { at: number; texts: Promise<Texts> } | undefined;

  async function read(): Promise<Texts> {
    const rows = await db.contentVersion.findMany({
      where: { status: "published" },
      select: {
        body: true,
        categoryId: true,
        incident: { select: { slug: true } },
        category: { select: { slug: true, offerText: true } },
      },
    });
    const texts: Texts = { incidents: new Map(), categories: new Map(), offers: new Map() };
    for (const r of rows) {
      if (r.category) {
        texts.categories.set(`${r.incident.slug}/${r.category.slug}`, r.body);
        texts.offers.set(`${r.incident.slug}/${r.category.slug}`, r.category.offerText);
      } else texts.incidents.set(r.incident.slug, r.body);
    }
    return texts;
  }

  function texts(): Promise<Texts> {
    if (!cached || now() - cached.at >= ttlMs) {
      const fresh = { at: now(), texts: read() };
      // A failed read is not kept: the next check tries again.
      fresh.texts.catch(() => {
        if (cached === fresh) cached = undefined;
      });
      cached = fresh;
    }
    return cached.texts;
  }

  return async function localize(result: ExposureResult, locale: string): Promise<ExposureResult> {
    const lang = contentLocale(locale);
    if (lang === SOURCE_LOCALE || result.exposures.length === 0) return result;
    const { incidents, categories, offers } = await texts();
    return {
      ...result,
      exposures: result.exposures.map((x) => {
        const i = incidents.get(x.incident.slug);
        const c = categories.get(`${x.incident.slug}/${x.category.slug}`);
        const title = i ? resolveText(readIncidentBody(i).text, lang).values.title : x.incident.title;
        const text = c ? resolveText(readCategoryBody(c).text, lang).values : null;
        const offer = x.offer && {
          ...x.offer,
          instructions: offerInstructions(
            x.offer.instructions,
            offers.get(`${x.incident.slug}/${x.category.slug}`),
            lang,
          ),
        };
        return {
          ...x,
          offer,
          incident: { ...x.incident, title },
          category: text ? { ...x.category, name: text.name, dataExposed: text.dataExposed } : x.category,
        };
      }),
    };
  };
}

/**
 * A group's offer instructions in `lang` from its offer_text, English when it has none:
 * read and resolved as the notice page reads them (getNotice), so both say the same.
 */
function offerInstructions(en: string, offerText: unknown, lang: ContentLocale): string {
  return resolveText(offerTexts({ offerInstructions: en, offerText }), lang).values.offerInstructions ?? en;
}

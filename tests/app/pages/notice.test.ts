// /notice/<incident>: the printable breach notice (ADR 33).
import { beforeAll, describe, expect, it } from "vitest";
import NoticePage from "@/app/notice/[incident]/page";
import { CLI_ACTOR } from "@/lib/audit/record";
import { getDb } from "@/lib/db/client";
import { en } from "@/lib/i18n/messages/en";
import { es } from "@/lib/i18n/messages/es";
import { CREDIT_BUREAUS } from "@/lib/incidents/bureaus";
import { DEMO_CATEGORIES, DEMO_INCIDENT } from "@/lib/incidents/demo-data";
import { getNotice, updateNotice } from "@/lib/incidents/notice";
import { fakeRequest } from "@/tests/support/admin";
import { offerPool } from "@/tests/support/offers";
import { render } from "@/tests/support/pages";

const page = async (incident: string) =>
  (await render(NoticePage({ params: Promise.resolve({ incident }) }))).replaceAll("&#x27;", "'");
const HEADINGS = [
  en.notice.whatHappened,
  en.notice.whatInvolved,
  en.notice.whatWeAreDoing,
  en.notice.whatYouCanDo,
  en.notice.moreInfo,
];

/** The texts of the h2 headings, in order. */
const h2s = (html: string) => [...html.matchAll(/<h2 id="[^"]+" class="[^"]*">([^<]+)<\/h2>/g)].map((m) => m[1]);

describe("/notice/[incident]", () => {
  // The page takes its locale from the request (the proxy's header); this one asks for none.
  beforeAll(() => fakeRequest());

  it("carries the five headings of Civil Code 1798.82 in order, from the catalog", async () => {
    const html = await page("2021-08-cyberattack");
    expect(h2s(html)).toEqual(HEADINGS);
    expect(HEADINGS).toEqual([
      "What Happened",
      "What Information Was Involved",
      "What We Are Doing",
      "What You Can Do",
      "For More Information",
    ]);
  });

  it("gives the demo incident's dates, delay, contacts, offer and the bureaus (it exposed SSNs)", async () => {
    const html = await page("2021-08-cyberattack");
    expect(html).toContain("Date of the breach: on or before August 17, 2021");
    expect(html).toContain("Discovered: August 17, 2021");
    expect(html).toContain("Date of this notice: August 20, 2021");
    expect(html).toContain(en.notice.notDelayed);
    expect(html).toContain("Mandiant");
    expect(html).toContain("McAfee ID Theft Protection: 24 months free of charge");
    expect(html).toContain("Phone: 1-800-937-8997");
    expect(html).toContain('href="https://www.t-mobile.com/brand/data-breach-2021"');
    expect(html).toContain("12920 SE 38th Street");
    expect(html).toContain(en.notice.bureausTitle);
    for (const b of CREDIT_BUREAUS) {
      expect(html).toContain(`Phone: ${b.phone}`);
      expect(html).toContain(`href="${b.url}"`);
    }
    // Printable without JavaScript: the page is complete as served; the button hides in print.
    expect(html).toContain("print:hidden");
  });

  it("leaves the bureaus out when no group exposed an SSN or licence number", async () => {
    const pool = await offerPool(0);
    const html = await page(pool.incident);
    expect(h2s(html)).toEqual(HEADINGS);
    expect(html).not.toContain(en.notice.bureausTitle);
    for (const b of CREDIT_BUREAUS) expect(html).not.toContain(b.phone);
    expect(html).toContain(en.notice.breachUnknown);
    expect(html).toContain(en.notice.noContact);
  });

  it("lists the bureaus for a group flagged as exposing ID numbers", async () => {
    const pool = await offerPool(0, { exposesIdNumbers: true });
    expect(await page(pool.incident)).toContain(en.notice.bureausTitle);
  });

  it("shows a range, the law-enforcement delay and the contacts saved in the console", async () => {
    const pool = await offerPool(0);
    await updateNotice(
      getDb(),
      pool.incident,
      {
        breachStartedOn: "2026-01-02",
        breachEndedOn: "2026-01-09",
        discoveredOn: "2026-01-10",
        noticeOn: "",
        noticeDelayedForLaw: "on",
        contactPhone: "1-800-555-0199",
        contactUrl: "https://help.example/notice",
        contactMail: "",
        noticeWhatHappened: "Someone *broke in*.",
      },
      { actor: CLI_ACTOR },
    );
    const html = await page(pool.incident);
    expect(html).toContain("Date of the breach: between January 2, 2026 and January 9, 2026");
    expect(html).toContain("Discovered: January 10, 2026");
    expect(html).not.toContain("Date of this notice");
    expect(html).toContain(en.notice.delayed);
    expect(html).toContain("Someone <em>broke in</em>.");
    expect(html).toContain("Phone: 1-800-555-0199");
    expect(html).not.toContain(en.notice.noContact);
  });

  it("answers not found for an unknown or malformed incident", async () => {
    await expect(page("no-such-incident")).rejects.toThrow();
    await expect(page("../etc")).rejects.toThrow();
  });
});

describe("/notice/[incident] in Spanish (ADR 36)", () => {
  beforeAll(() => fakeRequest({ headers: { "x-locale": "es" } }));

  it("reads the demo incident wholly in Spanish, without the fallback note", async () => {
    const html = await page(DEMO_INCIDENT.slug);
    expect(html).toContain(es.notice.whatHappened);
    expect(html).toContain(DEMO_INCIDENT.es.title);
    expect(html).toContain("El 17 de agosto de 2021 confirmamos");
    expect(html).toContain("Restablecimos el PIN de todos los clientes prepago");
    expect(html).toContain("Inscríbase en los dos años de protección gratuita");
    expect(html).toContain(DEMO_CATEGORIES[0].es.name);
    expect(html).toContain(DEMO_CATEGORIES[1].es.dataExposed[2]);
    expect(html).not.toContain("On August 17, 2021 we confirmed");
    expect(html).not.toContain(es.remediation.fallbackNotice);
  });

  it("shows a missing section in English, field by field, and says so in Spanish", async () => {
    const pool = await offerPool(0);
    await updateNotice(
      getDb(),
      pool.incident,
      {
        noticeWhatHappened: "Someone broke in.",
        noticeWhatWeAreDoing: "We locked the door.",
        "es.noticeWhatHappened": "Alguien *entró*.",
      },
      { actor: CLI_ACTOR },
    );
    const html = await page(pool.incident);
    expect(html).toContain("Alguien <em>entró</em>.");
    expect(html).not.toContain("Someone broke in.");
    expect(html).toContain("We locked the door.");
    expect(html).toContain(es.remediation.fallbackNotice);
    const fields = (await getNotice(getDb(), pool.incident, "es"))!.fallbackFields;
    expect(fields).toContain("notice.noticeWhatWeAreDoing");
    expect(fields).not.toContain("notice.noticeWhatHappened");
    expect(fields).toContain("category.group.offerInstructions");
  });
});

describe("/notice/[incident] in English", () => {
  beforeAll(() => fakeRequest({ headers: { "x-locale": "en" } }));

  it("keeps English and no fallback note when Spanish texts are stored", async () => {
    const pool = await offerPool(0);
    await updateNotice(
      getDb(),
      pool.incident,
      { noticeWhatHappened: "Someone broke in.", "es.noticeWhatHappened": "Alguien entró." },
      { actor: CLI_ACTOR },
    );
    const html = await page(pool.incident);
    expect(html).toContain("Someone broke in.");
    expect(html).not.toContain("Alguien entró.");
    expect(html).not.toContain(en.remediation.fallbackNotice);
  });
});

describe("/notice/[incident]: the offers' instructions, per locale (ADR 36)", () => {
  const prepaid = DEMO_CATEGORIES[0];
  const count = (html: string, text: string) => html.split(text).length - 1;

  /** A pool's incident with a second group whose offer has other instructions, in English and Spanish. */
  async function twoOffers() {
    const pool = await offerPool(2);
    await getDb().category.create({
      data: {
        incident: { connect: { slug: pool.incident } },
        slug: "other",
        name: "Other group",
        dataExposed: ["Name"],
        remediation: ["Step."],
        sortOrder: 1,
        offerProvider: "Shield Co",
        offerMonths: 24,
        offerEnrollUrl: "https://shield.example/enrol",
        offerInstructions: "Call the number on your letter.",
        offerText: { es: { offerInstructions: "Llame al número de su carta." } },
      },
    });
    return pool;
  }

  it("gives the demo offer's instructions once in English, for every group alike", async () => {
    fakeRequest({ headers: { "x-locale": "en" } });
    const html = await page(DEMO_INCIDENT.slug);
    expect(count(html, prepaid.offerInstructions)).toBe(1);
    expect(count(html, 'data-testid="notice-offer"')).toBe(1);
    expect(html).not.toContain(prepaid.offerText.es.offerInstructions);
    expect(html).not.toContain("DEMO-");
  });

  it("gives them in Spanish on the Spanish notice", async () => {
    fakeRequest({ headers: { "x-locale": "es" } });
    const html = await page(DEMO_INCIDENT.slug);
    expect(count(html, prepaid.offerText.es.offerInstructions)).toBe(1);
    expect(html).not.toContain(prepaid.offerInstructions);
  });

  it("names the groups of differing offers, with no code, in English", async () => {
    fakeRequest({ headers: { "x-locale": "en" } });
    const pool = await twoOffers();
    const html = await page(pool.incident);
    expect(count(html, 'data-testid="notice-offer"')).toBe(2);
    expect(html).toMatch(
      /Group [^<]+:<\/p><p>Shield Co: 24 months free of charge[^<]*<\/p><p[^>]*>Enter the code\.<\/p>/,
    );
    expect(html).toMatch(/Other group:<\/p><p>Shield Co[^<]*<\/p><p[^>]*>Call the number on your letter\.<\/p>/);
    for (const code of pool.codes) expect(html).not.toContain(code);
  });

  it("gives each in Spanish, and English where the Spanish is missing, with the note", async () => {
    fakeRequest({ headers: { "x-locale": "es" } });
    const pool = await twoOffers();
    const html = await page(pool.incident);
    expect(html).toContain("Llame al número de su carta.");
    expect(html).not.toContain("Call the number on your letter.");
    expect(html).toContain("Enter the code.");
    expect(html).toContain(es.remediation.fallbackNotice);
  });
});

import { DEMO_CARRIER } from "@/lib/settings/carrier-fields";

// "Contact us" in the steps is the demo carrier's real-looking number and page: the
// remediation pages link them (lib/markdown/autolink.ts).
const CONTACT = `call ${DEMO_CARRIER.supportPhone} or go to ${DEMO_CARRIER.supportUrl}`;

/**
 * The demo incident, modelled on the 2021 T-Mobile breach. Incidents are data: this is
 * only what an empty database is seeded with.
 */
export const DEMO_INCIDENT = {
  slug: "2021-08-cyberattack",
  title: "August 2021 cyberattack",
  disclosedAt: new Date("2021-08-17T00:00:00Z"),
  summary:
    "Criminals broke into our systems and took customer data. We closed the access point, reset the PINs we could, and are notifying affected customers. Current and former postpaid customers, prepaid customers and some people who applied for credit with us are affected; the data taken differs by group.",
};

export const DEMO_CATEGORIES = [
  {
    slug: "prepaid",
    name: "Prepaid customers",
    dataExposed: ["Name", "Phone number", "Account PIN"],
    remediation: [
      "Your account PIN was reset as a precaution. Choose a new PIN that you have not used anywhere else.",
      "Turn on port-out protection (SIM protection) so nobody can move your number to another carrier or SIM without your approval.",
      "Never give your PIN to someone who calls, texts or emails you, even if they say they are from us: we will never ask for it.",
      `Watch for texts or calls about a SIM change or a number transfer that you did not ask for, and contact us at once if you see one: ${CONTACT}.`,
    ],
  },
  {
    slug: "former",
    name: "Former customers",
    dataExposed: ["Name", "Date of birth", "Social Security number", "Driver's licence or ID information"],
    remediation: [
      "Freeze your credit at each of the three bureaus (Equifax, Experian, TransUnion). A freeze is free and stops new credit being opened in your name.",
      "Place a fraud alert: ask one bureau and it tells the other two. Lenders must then take extra steps to confirm it is you.",
      "Get your free credit reports at https://www.annualcreditreport.com and look for accounts you do not recognise.",
      "Be wary of messages that mention this incident and ask for personal details: criminals use news of a breach as bait.",
    ],
  },
  {
    slug: "postpaid",
    name: "Current postpaid customers",
    dataExposed: [
      "Name",
      "Address",
      "Date of birth",
      "Social Security number",
      "Driver's licence or ID information",
      "Phone number",
      "IMEI and IMSI",
    ],
    remediation: [
      "Change your account PIN and passcode now, to ones you have not used elsewhere.",
      "Turn on account takeover protection, which blocks your number from being ported out without your approval.",
      `Enrol in the two years of free identity theft protection offered to affected customers: ${CONTACT}.`,
      "Turn on scam blocking to screen out scam calls that may use the stolen details.",
      "Consider a credit freeze and a fraud alert at the three bureaus.",
    ],
  },
] as const;

/** Demo numbers (fictional 555-01xx numbers) and their categories. */
export const DEMO_NUMBERS: { e164: string; categories: string[] }[] = [
  { e164: "+12065550100", categories: ["prepaid"] },
  { e164: "+12065550101", categories: ["former"] },
  { e164: "+12065550102", categories: ["postpaid"] },
  { e164: "+12065550103", categories: ["prepaid", "postpaid"] },
];

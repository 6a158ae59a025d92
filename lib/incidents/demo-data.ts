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
  // The notice (docs/adr/0033-breach-notice.md): T-Mobile confirmed the intrusion and
  // closed the access point on 17 August 2021 and began notifying customers that week.
  breachEndedOn: new Date("2021-08-17T00:00:00Z"),
  discoveredOn: new Date("2021-08-17T00:00:00Z"),
  noticeOn: new Date("2021-08-20T00:00:00Z"),
  noticeDelayedForLaw: false,
  contactPhone: "1-800-937-8997 (611 from your phone)",
  contactUrl: "https://www.t-mobile.com/brand/data-breach-2021",
  contactMail: "T-Mobile USA, Inc.\n12920 SE 38th Street\nBellevue, WA 98006",
  noticeWhatHappened:
    "On August 17, 2021 we confirmed that criminals had gained unauthorized access to some of our systems. We located and closed the access point they used the same day, and began a thorough investigation with Mandiant, a world-class outside cybersecurity forensic firm. The investigation found that customer data had been taken.",
  noticeWhatInvolved:
    "The information taken differs by group of customers, as listed below. No phone numbers, account numbers, PINs, passwords or financial information of former or prospective customers were found in the data taken, and no payment card or other financial information of any customer.",
  noticeWhatWeAreDoing: [
    "- We reset the account PINs of every active prepaid customer whose PIN was exposed.",
    "- We are investigating with Mandiant and coordinating with law enforcement.",
    "- We offer two years of free identity theft protection, McAfee ID Theft Protection, to everyone who may be affected.",
    "- We offer Scam Shield, our free scam-blocking protection, to every customer.",
    "- We offer Account Takeover Protection, which stops your number from being ported out without your approval.",
  ].join("\n"),
  noticeWhatYouCanDo: [
    "- Enrol in the two years of free identity theft protection with the activation code shown with your result.",
    "- Turn on Scam Shield to block scam calls that may use the stolen details.",
    "- Turn on Account Takeover Protection, and change your account PIN and passcode.",
    "- If your Social Security or driver's licence number was exposed, consider a credit freeze and a fraud alert with the credit bureaus listed below.",
  ].join("\n"),
};

/** Every demo group carries the 2021 offer: two years of McAfee ID Theft Protection. */
const OFFER_2021 = {
  offerProvider: "McAfee ID Theft Protection",
  offerMonths: 24,
  offerEnrollUrl: "https://www.mcafee.com/activatetmobile",
  offerInstructions:
    "Go to the enrolment page, choose to sign up, and enter your activation code when asked. The service includes credit monitoring, identity restoration, identity theft insurance and dark web monitoring.",
};

/** Demo activation codes seeded into each group's pool (fictional; a real pool is loaded from the provider's file). */
export const DEMO_CODES_PER_GROUP = 25;
export const demoCode = (category: string, n: number) => `DEMO-${category.toUpperCase()}-${String(n).padStart(4, "0")}`;

export const DEMO_CATEGORIES = [
  {
    slug: "prepaid",
    name: "Prepaid customers",
    dataExposed: ["Name", "Phone number", "Account PIN"],
    exposesIdNumbers: false,
    ...OFFER_2021,
    remediation: [
      "Your account PIN was reset as a precaution. Choose a new PIN that you have not used anywhere else.",
      "Turn on port-out protection (SIM protection) so nobody can move your number to another carrier or SIM without your approval.",
      "Never give your PIN to someone who calls, texts or emails you, even if they say they are from us: we will never ask for it.",
      "Watch for texts or calls about a SIM change or a number transfer that you did not ask for, and contact us at once if you see one.",
    ],
  },
  {
    slug: "former",
    name: "Former customers",
    dataExposed: ["Name", "Date of birth", "Social Security number", "Driver's licence or ID information"],
    exposesIdNumbers: true,
    ...OFFER_2021,
    remediation: [
      "Freeze your credit at each of the three bureaus (Equifax, Experian, TransUnion). A freeze is free and stops new credit being opened in your name.",
      "Place a fraud alert: ask one bureau and it tells the other two. Lenders must then take extra steps to confirm it is you.",
      "Get your free credit reports at annualcreditreport.com and look for accounts you do not recognise.",
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
    exposesIdNumbers: true,
    ...OFFER_2021,
    remediation: [
      "Change your account PIN and passcode now, to ones you have not used elsewhere.",
      "Turn on account takeover protection, which blocks your number from being ported out without your approval.",
      "Enrol in the two years of free identity theft protection offered to affected customers.",
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

/**
 * English strings of the breach notice (app/notice/[incident]) and of the identity-
 * protection offers: the result's offer, the console's notice and offer forms, the code
 * pools on the dashboard and in the agent lookup. A Spanish catalog mirrors these keys.
 */

/** The printable notice. Its five headings are California Civil Code 1798.82's own. */
export const noticeEn = {
  kicker: "Notice of data breach",
  back: "Back to the check",
  whatHappened: "What Happened",
  whatInvolved: "What Information Was Involved",
  whatWeAreDoing: "What We Are Doing",
  whatYouCanDo: "What You Can Do",
  moreInfo: "For More Information",
  dates: "Dates",
  breachOn: "Date of the breach: {date, date, long}",
  breachRange: "Date of the breach: between {from, date, long} and {to, date, long}",
  breachBefore: "Date of the breach: on or before {date, date, long}",
  breachUnknown: "Date of the breach: not yet known",
  discoveredOn: "Discovered: {date, date, long}",
  noticeOn: "Date of this notice: {date, date, long}",
  delayed:
    "This notice was delayed because a law enforcement agency determined that notifying you sooner would impede a criminal investigation.",
  notDelayed: "This notice was not delayed by a law enforcement investigation.",
  groupData: "{name}:",
  offer: "{provider}: {months, plural, one {# month} other {# months}} free of charge. Enrol at {url}.",
  offerCode: "Your activation code is shown with your result once you have checked your number with a texted code.",
  bureausTitle: "Credit bureaus",
  bureausIntro:
    "You may place a fraud alert or a security freeze on your credit file, free of charge, with each of the three nationwide credit bureaus:",
  bureauPhone: "Phone: {phone}",
  bureauWeb: "Web:",
  ftc: "The Federal Trade Commission explains how to protect yourself from identity theft at identitytheft.gov, or call 1-877-438-4338.",
  contactPhone: "Phone: {phone}",
  contactWeb: "Web:",
  contactMail: "Mail:",
  noContact: "Contact our customer support.",
  notFoundTitle: "Notice not found",
} as const;

/** The offer on a result (components/ExposureBanner.tsx). */
export const offerEn = {
  title: "Free identity protection: {provider}, {months, plural, one {# month} other {# months}}",
  code: "Your activation code",
  enroll: "Enrol with {provider}",
  noCode:
    "Activation codes for this offer have run out for the moment. Check your number again in a few days and your code will be shown here, or call us at the number on the notice and we will give you one.",
  verifyForCode:
    "Your activation code is only given to the number's owner: check your number with a texted code, or call us at the number on the notice.",
} as const;

/** The console's notice form and offer form (incident page). */
export const adminNoticeEn = {
  heading: "Breach notice",
  intro:
    "What the printable notice shows under the five headings California requires. Leave a field empty when it does not apply. Texts are markdown, as in the summary.",
  open: "Open the notice",
  breachStartedOn: "Breach began on",
  breachEndedOn: "Breach ended on",
  breachHint: "One date: fill the first. A range: fill both. Only the end: shown as on or before.",
  discoveredOn: "Discovered on",
  noticeOn: "Date of the notice",
  noticeDelayedForLaw: "Notice was delayed for a law enforcement investigation",
  contactPhone: "Contact phone",
  contactUrl: "Contact web address",
  contactUrlHint: "An https:// address.",
  contactMail: "Contact postal address",
  texts: "Texts under each heading",
  save: "Save the notice",
  saved: "Saved.",
  unchanged: "Nothing changed.",
  fixErrors: "Some fields need attention. Nothing was saved.",
} as const;

export const adminOffersEn = {
  heading: "Identity-protection offer",
  exposesIdNumbers:
    "This group's Social Security or driver's licence numbers were exposed (the notice lists the credit bureaus)",
  provider: "Provider",
  providerHint: "Empty the provider, length and address to remove the offer.",
  months: "Length in months",
  enrollUrl: "Enrolment web address",
  instructions: "How to enrol",
  save: "Save the offer",
  codes: "Activation codes",
  left: "{left, number} of {total, number} codes left",
  file: "CSV file of codes",
  fileHint:
    "One code per line (a header line code is skipped). Codes are stored sealed; the file is not kept. At most 1 MB here; larger files with npm run admin -- import-offer-codes.",
  load: "Load codes",
  loaded: "{loaded, number} loaded, {duplicates, number} duplicates, {rejected, number} rejected.",
  pools: {
    heading: "Activation codes left",
    intro:
      "Codes left in each group's pool. A pool is flagged when fewer than {min, number} codes or a tenth of it are left.",
    empty: "No group carries an offer.",
    group: "Group",
    left: "Left",
    total: "Loaded",
    state: "State",
    low: "Running low",
    ok: "Enough",
    item: "{incident}, {group}",
  },
  lookup: {
    audited: "Showing a code is recorded in the audit log.",
  },
} as const;

/**
 * The three nationwide credit bureaus' fraud-alert and credit-freeze contacts, as the FTC
 * lists them (consumer.ftc.gov, "Credit Freezes and Fraud Alerts"). A notice lists them
 * when a category exposed a Social Security or driver's licence / ID number (California
 * Civil Code 1798.82(d)(2)(G)). Names and numbers only; the labels are in the catalog.
 */
export const CREDIT_BUREAUS = [
  { name: "Equifax", phone: "1-888-298-0045", url: "https://www.equifax.com/personal/credit-report-services/" },
  { name: "Experian", phone: "1-888-397-3742", url: "https://www.experian.com/help/" },
  { name: "TransUnion", phone: "1-888-909-8872", url: "https://www.transunion.com/credit-help" },
] as const;

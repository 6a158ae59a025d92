/** English strings of the console's texts panel (dashboard): send budgets, pause, conversion watch. */

export const smsPanelEn = {
  heading: "Texts this hour",
  intro:
    "Codes texted this hour (UTC, {hour, time, short} to {reopensAt, time, short}) against the send budgets, and how many of them were verified. Counts only, by prefix (an area code or the first digits): never a number.",
  budgets: "Send budgets",
  budget: "Budget",
  used: "Texts",
  limit: "Per hour",
  refused: "Starts refused",
  state: "State",
  global: "Whole service",
  prefix: "Prefix {prefix}",
  open: "Open",
  tripped: "Spent at {at, time, short}; reopens at {reopensAt, time, short}",
  noPrefixes: "No texts to any prefix yet this hour.",
  paused:
    "All texts are paused by hand since {since, date, short} {since, time, short} ({by}). Every start answers that sending is paused, and nothing is texted, until an owner resumes.",
  pausedBy: "the command line",
  notPaused: "Texts are not paused by hand.",
  trippedNotice:
    "A send budget is spent: starts for {scope} are refused with no text sent until {reopensAt, time, short}.",
  conversion: {
    heading: "Conversion watch",
    intro:
      "Texts sent against codes verified, for the whole service and each prefix. Pumping shows as many texts and almost no verified codes: from {minSent, number} texts an hour, a verified share under {minRatio, number, percent} is flagged and logged.",
    prefix: "Prefix",
    all: "All prefixes",
    sent: "Texts sent",
    verified: "Codes verified",
    share: "Verified",
    flag: "Watch",
    flagged: "Flagged: few codes verified",
    ok: "Normal",
    empty: "No texts sent yet this hour.",
  },
  pause: {
    heading: "Pause all texts",
    intro:
      "For owners, when texts are being abused: pausing stops every code on every node at once, for every customer, until you resume. The pause and the resume are recorded in the audit log.",
    open: "Pause all texts…",
    consequence:
      "No customer will get a code, and every check will answer that sending is paused, on every node, until an owner resumes. {sent, plural, =0 {No text was sent yet this hour.} one {One text was sent this hour.} other {# texts were sent this hour.}}",
    submit: "Yes, pause all texts now",
    paused: "All texts are paused.",
    alreadyPaused: "Texts were already paused.",
    resumeIntro: "Resuming lets codes go out again at once, within the send budgets.",
    resume: "Resume texts",
    resumed: "Texts are resumed.",
    notPaused: "Texts were not paused.",
  },
};

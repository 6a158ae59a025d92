/** English strings. Every user-facing sentence lives here (Spanish comes later). */
export const en = {
  app: {
    name: "Exposure Check",
    skipToContent: "Skip to main content",
    footer: "We never store your phone number: only a keyed fingerprint of it is kept, and only to answer this check.",
  },
  check: {
    title: "Was my account affected?",
    intro:
      "Enter the mobile number on your account. We will text it a code to make sure it is yours, then tell you whether the account was in the lists of affected accounts and what to do.",
    introOpen: "Enter the mobile number on your account to see whether it was in the lists of affected accounts and what to do.",
    phoneLabel: "Mobile number",
    phoneHint: "For example (206) 555-0142 or +1 206 555 0142",
    submit: "Send me a code",
    submitOpen: "Check this number",
    privacy: "Nobody can look up your number without the code we text to it.",
    demoNotice: "Demo mode: no text messages are sent. Read your code in the",
    demoOutboxLink: "demo outbox",
    openNotice: "Open mode: results are shown without a code. Use only for demos and internal testing.",
  },
  code: {
    title: "Enter the code we texted you",
    sent: "If {phone} can receive text messages, we have sent it a 6-digit code.",
    label: "6-digit code",
    hint: "The code expires after 10 minutes and works once.",
    submit: "Show my result",
    startOver: "Use a different number",
  },
  result: {
    title: "Your result",
    affectedTitle: "This number is in the lists of affected accounts",
    affectedIntro: "The account with the number {phone} was affected as follows.",
    incident: "Incident: {title}, disclosed {disclosedAt, date, long}",
    category: "Group: {name}",
    dataExposed: "Data exposed",
    remediationLink: "What to do now: {name}",
    notFoundTitle: "We have no record of this number in the lists of affected accounts",
    notFoundBody:
      "This is not a promise that none of your information was exposed: the lists can change as the investigation goes on. Never share your PIN or a one-time code with anyone who contacts you.",
    checkAnother: "Check another number",
  },
  remediation: {
    back: "Back to the check",
    disclosed: "Disclosed {disclosedAt, date, long}",
    dataExposed: "What was exposed",
    steps: "What to do now",
    print: "Print this page",
    notFoundTitle: "Page not found",
    notFoundBody: "We could not find that incident or group.",
  },
  outbox: {
    title: "Demo outbox",
    intro: "Demo mode sends no text messages. The last messages it would have sent are shown here, newest first, with the number masked.",
    empty: "No messages yet.",
    to: "To",
    sentAt: "Sent",
    body: "Message",
    back: "Back to the check",
  },
  sms: {
    code: "Your {app} code is {code}. It expires in 10 minutes. Never share it: we will never call you to ask for it.",
  },
  phone: {
    empty: "Enter your mobile number.",
    invalid_characters: "A phone number can only contain digits, spaces, +, brackets, dots and dashes.",
    scientific_notation: "This looks like a number a spreadsheet turned into scientific notation. Enter all its digits.",
    too_short: "This number is too short. Include the area code, for example (206) 555-0142.",
    too_long: "This number is too long. Check for extra digits.",
    invalid_country: "Start an international number with + and its country code, for example +44.",
    invalid_number: "This is not a valid phone number. Check the area code and the digits.",
  },
  errors: {
    invalid_request: "The request is not valid.",
    invalid_phone: "This is not a valid phone number.",
    code_incorrect:
      "That code is not right. {attemptsRemaining, plural, =0 {No attempts are left: start again.} one {You have one more attempt.} other {You have # more attempts.}}",
    code_format: "Enter the 6 digits of the code, for example 123456.",
    unsupported_media_type: "Send the request as JSON (Content-Type: application/json).",
    check_not_found: "This check was not found. Start again with your number.",
    not_found: "Not found.",
    code_used: "This code has been used already. Start again to get a new one.",
    code_expired: "This code has expired. Start again to get a new one.",
    code_exhausted: "Too many wrong codes. Start again to get a new one.",
    payload_too_large: "The request is too large.",
    rate_limited:
      "Too many attempts. For your security, please wait {minutes, plural, one {a minute} other {# minutes}} and try again.",
    internal: "Something went wrong on our side. Please try again in a moment.",
    unavailable: "The service is temporarily unavailable. Please try again in a moment.",
  },
} as const;

export type Messages = typeof en;

/** English strings of the integration API's pages: console API keys, API docs, demo account page. */

export const apiKeysEn = {
  title: "API keys",
  intro:
    "Keys for the integration API (POST /api/v1/exposures/lookup). The carrier's own servers, such as its account login page, use one to show a customer they have already signed in whether the account was affected. A key answers for any number without a one-time code: give it only to servers you control, and revoke it if it may have leaked. Every call is recorded in the audit log, without the number.",
  docs: "API documentation",
  createHeading: "Create a key",
  name: "Name",
  nameHint:
    "What will use it, for example Login page (production). At most 80 characters; letters, digits, spaces and . _ ( ) / -.",
  create: "Create key",
  fixErrors: "Some fields need attention. No key was created.",
  created: "The key {name} was created.",
  createdKey: "The key:",
  copyKey: "the new key",
  copyPrefix: "the start of the key {name}",
  createdKeyNote:
    "Copy it now into the server that will use it, sent as Authorization: Bearer and the key. Only its fingerprint is stored: it will not be shown again.",
  listHeading: "Keys",
  count: "{count, plural, =0 {No keys yet} one {One key} other {# keys}}",
  columns: {
    name: "Name",
    prefix: "Key starts with",
    createdBy: "Created by",
    created: "Created (UTC)",
    lastUsed: "Last used (UTC)",
    status: "Status",
    manage: "Manage",
  },
  lastUsedNote: "Last use is recorded at most once a minute per key.",
  never: "Never",
  active: "Active",
  revokedAt: "Revoked {at}",
  revokeOpen: "Revoke…",
  revokeConfirm: "Yes, revoke {name}",
  revokeConsequence:
    "{name} stops working at once and for good: every call with it is refused (401) from now on, and it cannot be restored. A server still using it needs a new key.",
  revoke: "Revoke",
  revokeKey: "Revoke {name}",
  revoked: "{name} is revoked.",
  unchanged: "This key was already revoked.",
  back: "Back to the console",
} as const;

export const apiDocsEn = {
  title: "Exposure Check API",
  intro: "Generated from the same zod schemas the API validates with. The machine-readable document is OpenAPI 3.1:",
  errors:
    "Every error answers {shape} with the HTTP status of its code; the codes are listed in the Error schema below.",
  auth: "Authentication",
  authBearer: "Send an API key created by an owner in the console: {header}.",
  authNone: "No authentication.",
  parameters: "Parameters",
  parameter: "Name",
  in: "In",
  requestBody: "Request body",
  responses: "Responses",
  body: "Body",
  status: "Status",
  example: "Example",
  schemas: "Schemas",
  required: "required",
  optional: "optional",
  demo: "See it used: the demo of a carrier's account page.",
  arrayOf: "array of",
  mapOf: "map of",
  oneOf: "one of",
  maxLength: "at most {max, number} characters",
  pattern: "pattern {pattern}",
} as const;

export const demoEn = {
  title: "Demo: Northwind Mobile account",
  brand: "Northwind Mobile",
  notice:
    "Demo: Northwind Mobile is not a real carrier and these are not real accounts. This page shows how a carrier's account page uses the integration API: once the customer is signed in, its server asks GET /api/v1/exposures/'{phone}' for the account's number with the carrier's API key and shows the banner. No password is needed here.",
  signInTitle: "Sign in to My Account",
  account: "Demo account",
  accountOption: "{name}: {phone}",
  signIn: "Sign in",
  welcome: "Welcome back, {name}",
  line: "Mobile number {phone}",
  signOut: "Sign out",
  behind: "Behind the scenes",
  behindBody:
    "This page's server called GET {path} with the demo API key and built the banner from the answer below. The key is listed in the console under API keys, and the call is in the audit log, without the number.",
  answer: "The API's answer (HTTP {status})",
  unavailable:
    "The exposure service answered {code}, so the banner is left out: a carrier's page shows nothing rather than an error.",
  docs: "API documentation",
} as const;

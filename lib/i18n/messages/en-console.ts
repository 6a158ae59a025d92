/**
 * English strings of the console's shell (navigation, breadcrumb), the owners' settings
 * page and the confirmation step of destructive actions; part of `en` (en.ts).
 */
export const consoleShellEn = {
  navLabel: "Console",
  menu: "Menu",
  home: "{app} console",
  signedIn: "Signed in as {email}",
  role: "{role}",
  signOut: "Sign out",
  account: "Your password",
  breadcrumb: "You are here",
  console: "Console",
  nav: {
    dashboard: "Dashboard",
    lookup: "Caller lookup",
    imports: "Imports",
    incidents: "Incidents",
    users: "Users",
    apiKeys: "API keys",
    audit: "Audit log",
    settings: "Settings",
  },
  pages: {
    account: "Your password",
    uploadPreview: "Preview of an upload",
    newIncident: "New incident",
    editIncident: "Edit an incident",
  },
  passwordFirst: "Change your one-time password to reach the rest of the console.",
};

export const confirmEn = {
  cancel: "Cancel",
  heading: "Are you sure?",
};

export const settingsEn = {
  title: "Settings",
  intro:
    "What customers see of the carrier: its name, logo, colour and how to reach it. Blank fields use the server's configured value, shown beneath each field. Changes show on the public pages within a minute and are recorded in the audit log.",
  carrier: "The carrier",
  name: "Carrier name",
  nameHint: "As customers know it, for example Harbor Mobile. At most 80 characters.",
  logoUrl: "Logo address",
  logoUrlHint: "An https:// address of an image, or a path on this site such as /icon.svg. Blank: no logo.",
  color: "Brand colour",
  colorHint:
    "A colour as #RRGGBB, for the page header. White text must stay readable on it (contrast 4.5:1 or more), for example #0b3d6b.",
  contact: "How customers reach the carrier",
  supportPhone: "Support phone number",
  supportPhoneHint: "As customers dial it, for example 1-800-555-0175 or 611. At most 40 characters.",
  supportUrl: "Support web page or chat",
  supportUrlHint: "An https:// address, for example https://www.example.com/support.",
  address: "Postal address",
  addressHint: "Where customers can write to. At most 300 characters; line breaks are kept.",
  configured: "Configured value: {value}",
  configuredNone: "Configured value: none",
  save: "Save settings",
  saved: "Settings saved. The public pages show them within a minute.",
  unchanged: "Nothing changed.",
  fixErrors: "Some fields need attention. Nothing was saved.",
  texts: "Texts (SMS)",
  textsIntro: "Pause or resume every code text. The hour's budgets and the conversion watch are on the dashboard.",
  textsDashboard: "Texts this hour, on the dashboard",
  preview: "What customers see",
};

/** The carrier's contact block on customer pages and in results. */
export const carrierEn = {
  contactHeading: "Questions? Contact {carrier}",
  call: "Call {phone}",
  web: "Help online: {url}",
  write: "Write to:",
  logo: "{carrier} logo",
  headerName: "{carrier} · {app}",
};

/**
 * English strings of passkeys in the console (docs/adr/0038): enrolment, the account
 * page, sign-in's second step and step-up; part of `en` (en.ts) as admin.passkeys.
 */
export const passkeysEn = {
  enrolTitle: "Or use a passkey",
  enrolIntro:
    "A passkey lives on this computer, your phone or a security key, and cannot be phished: it only works on this console's own address. You then sign in with your password and the passkey.",
  password: "Your password",
  passwordHint: "Your password again, so that a session left open cannot be given someone else's passkey.",
  name: "Name of the passkey",
  nameHint: "To tell your passkeys apart, such as “Work laptop” or “Security key”.",
  register: "Register a passkey",
  fixErrors: "Some fields need attention. No passkey was registered.",
  cancelled: "No passkey was used: the browser's request was cancelled or timed out. Try again.",
  unsupported: "This browser cannot use passkeys. Use a code from your authenticator app.",
  accountTitle: "Your passkeys",
  accountIntro:
    "A passkey confirms your sign-in and high-risk changes in place of a code from your authenticator app. Adding or removing one asks you to confirm it is you first.",
  none: "You have no passkey yet.",
  listLabel: "Your passkeys",
  addedOn: "added {date}",
  remove: "Remove",
  removeLabel: "Remove the passkey {name}",
  removed: "The passkey {name} was removed.",
  added: "The passkey {name} was added.",
  addTitle: "Add a passkey",
  signInTitle: "Confirm with your passkey",
  signInUse: "Use my passkey",
  signInIntro: "Or confirm with a passkey registered to your account.",
  signInOnly: "Your password was right. Confirm with the passkey registered to your account.",
  stepUpUse: "Use a passkey instead",
} as const;

/** Every way the number +1 206-555-0142 could be written; none may reach a log line or the audit log. */
export const WRITTEN = [
  "+12065550142",
  "2065550142",
  "(206) 555-0142",
  "206-555-0142",
  "206.555.0142",
  "+1 206 555 0142",
  "1-206-555-0142",
  "206/555/0142",
];

/** Its digits, whichever of those ways they come in. */
export const ITS_DIGITS = /2065550142|206\D{0,3}555\D{0,3}0142/;

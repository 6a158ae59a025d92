/**
 * Spreadsheets run a cell that starts with one of these as a formula (CSV injection:
 * OWASP's guidance lists = + - @, tab and carriage return). A leading apostrophe makes
 * the cell text in Excel, LibreOffice and Google Sheets, and shows what was stored.
 */
const FORMULA = /^[=+\-@\t\r]/;

/** One cell of a CSV a person may open in a spreadsheet, made inert. */
export function escapeCell(value: string): string {
  return FORMULA.test(value) ? `'${value}` : value;
}

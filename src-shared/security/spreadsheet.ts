/**
 * Spreadsheet formula injection (CWE-1236, OWASP "CSV Injection"): a text cell that starts with
 * `=`, `+`, `-`, `@`, a tab or a carriage return is read by Excel and LibreOffice as a formula
 * (in CSV at once; in XLSX as soon as someone edits the cell). A visitor's name, a card's
 * content or a registration number that arrived by sync can be any text, so every text cell of
 * an export goes through here: such a cell gets a leading apostrophe, which spreadsheets show
 * as text and which a reader recognises. Numbers stay numbers.
 */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

export function neutralizeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** The same for a cell that may hold a number or nothing. */
export function safeCell<T>(value: T): T | string {
  return typeof value === 'string' ? neutralizeFormula(value) : value;
}

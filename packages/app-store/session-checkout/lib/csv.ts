/*
 * CSV as RFC 4180 writes it (CRLF line ends; a field with a comma, quote, CR or LF is quoted, quotes
 * doubled), made safe to open in a spreadsheet: a cell that starts with =, +, -, @, tab or CR would
 * be run as a formula, so it gets a leading single quote (OWASP, CSV injection). Client names and
 * session titles come from whoever booked, so every text cell is treated as hostile.
 */

export type CsvCell = string | number | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
// ";" too: a spreadsheet in a semicolon locale would split an unquoted "Kim;=1+1" into a second cell that starts a formula.
const NEEDS_QUOTES = /[",;\r\n]/;

/** One cell: numbers as they are (a negative amount stays a number), text defused and quoted when needed. */
export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A header row and the data rows as one CSV text, each record ending in CRLF. */
export function toCsv(rows: ReadonlyArray<ReadonlyArray<CsvCell>>): string {
  return rows.map((row) => row.map(csvCell).join(",") + "\r\n").join("");
}

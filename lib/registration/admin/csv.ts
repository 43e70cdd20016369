/**
 * CSV as RFC 4180 describes it (fields quoted when they hold a quote, comma or line break, quotes
 * doubled, CRLF between records), made safe to open in a spreadsheet: a text cell that begins with
 * = + - @ TAB or CR would be run as a formula, so it gets a leading apostrophe (OWASP "CSV injection"),
 * and a cell holding a semicolon is quoted too, so a spreadsheet set to split on semicolons (the
 * default where the comma is the decimal mark) keeps it one cell.
 */
export const CSV_BOM = '\uFEFF';
export const CSV_LINE_END = '\r\n';

const FORMULA_START = /^[=+\-@\t\r]/;

export type CsvValue = string | number | boolean | Date | null | undefined;

export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  let text = value instanceof Date ? value.toISOString() : String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",;\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRecord(values: readonly CsvValue[]): string {
  return values.map(csvCell).join(',') + CSV_LINE_END;
}

/**
 * Spreadsheet programs execute cells that start with = + - @ (or tab/CR) as formulas: "=HYPERLINK(…)" in a
 * supplier name could exfiltrate data when an officer opens an export. Such cells get a leading quote. One
 * rule for the server's exports and the dashboard's chart downloads (built in the browser).
 */
export const neutraliseCell = (v: string): string => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v);

/** One CSV cell: neutralised, and quoted when it holds a comma, a quote or a line break (RFC 4180). */
const csvCell = (value: string | number | null | undefined): string => {
  if (value === null || value === undefined) return '';
  // Numbers are written as they are: a negative number is a number, not a formula.
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const safe = neutraliseCell(value);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** A small CSV document (header row first), lines ended with CRLF as RFC 4180 says. */
export const toCsv = (rows: readonly (readonly (string | number | null | undefined)[])[]): string =>
  `${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;

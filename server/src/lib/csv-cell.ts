/**
 * Spreadsheet programs execute cells that start with = + - @ (or tab/CR) as formulas: "=HYPERLINK(…)" in a
 * supplier name could exfiltrate data when an officer opens an export. Such cells get a leading quote.
 */
export const neutraliseCell = (v: string): string => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v);

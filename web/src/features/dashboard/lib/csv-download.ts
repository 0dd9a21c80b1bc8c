import { toCsv } from '#shared/csv.js';

/**
 * Saves a chart's figures as a CSV file, built in the browser from the figures already shown (formula cells
 * neutralised by the shared rule). A byte-order mark first, so spreadsheet programs read it as UTF-8.
 */
export const downloadCsv = (fileName: string, rows: readonly (readonly (string | number | null)[])[]) => {
  const blob = new Blob([`\uFEFF${toCsv(rows)}`], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked after the click has been handled: revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 0);
};

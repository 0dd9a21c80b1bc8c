import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { parseCsv } from '#shared/domain/reference/parse.js';
import { AppError } from '../../lib/app-error.js';

/** The uploaded file as a grid of text cells, header first, with the SHA-256 of its bytes. */
export interface UploadedGrid {
  rows: string[][];
  sha256: string;
  format: 'csv' | 'xlsx';
}

const isZip = (buf: Buffer) => buf[0] === 0x50 && buf[1] === 0x4b;

const readCsvText = (buf: Buffer): string[][] => {
  let text: string;
  try {
    // fatal: a Latin-1 file is refused with a message, never loaded with mangled country names.
    text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    throw new AppError(
      'bad_request',
      'The file is not valid UTF-8 text: save it as "CSV UTF-8" and upload it again',
    );
  }
  try {
    // The shipped files' own reader (shared/src/domain/reference/parse.ts), so both formats read alike.
    return parseCsv(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new AppError('bad_request', `The CSV cannot be read: ${(e as Error).message}`);
  }
};

/** The first worksheet, as the text each cell shows (a number 2 reads "2", a boolean reads "true"). */
const readXlsx = async (buf: Buffer): Promise<string[][]> => {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch {
    throw new AppError(
      'bad_request',
      'The file is not a readable XLSX workbook: save it again as .xlsx or as CSV UTF-8',
    );
  }
  const sheet = wb.worksheets[0];
  if (!sheet) throw new AppError('bad_request', 'The workbook has no worksheet');
  const width = sheet.columnCount;
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, n) => {
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) cells.push(row.getCell(c).text);
    rows[n - 1] = cells;
  });
  // Rows the sheet skips (never written) read as empty, as a blank line of a CSV does.
  for (let i = 0; i < rows.length; i++) rows[i] ??= [''];
  return rows;
};

/** CSV (UTF-8, the shipped format) or XLSX (first sheet, same columns), told apart by the bytes. */
export const readUploadedGrid = async (buf: Buffer): Promise<UploadedGrid> => {
  if (buf.length === 0)
    throw new AppError('bad_request', 'The file is empty: it needs a header row and data rows');
  const sha256 = createHash('sha256').update(buf).digest('hex');
  if (isZip(buf)) return { rows: await readXlsx(buf), sha256, format: 'xlsx' };
  return { rows: readCsvText(buf), sha256, format: 'csv' };
};

import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import type { ImportIssue } from '#shared/schemas/suppliers.js';
import { AppError } from '../../lib/app-error.js';
import { checkHeader, type ParsedRow, parseRow } from './suppliers-csv.js';

export interface ReadCsv {
  fileName: string;
  sha256: string;
  header: string[];
  rows: ParsedRow[];
}

const notUtf8 = () =>
  new AppError('bad_request', 'The file is not valid UTF-8 text: save it as "CSV UTF-8" and upload it again');

/**
 * The chunks of the upload. The multipart parser fails the stream with a plain Error when the body ends
 * before the part does (a cut connection, a broken client): the request's fault, so a 400, not a 500.
 */
const uploaded = async function* (source: Readable) {
  try {
    for await (const chunk of source) yield chunk as Buffer;
  } catch (err) {
    if (err instanceof AppError || (err as { statusCode?: number }).statusCode) throw err;
    throw new AppError('bad_request', 'The upload ended before the file did: send it again');
  }
};

const decodeUtf8 = async function* (source: Readable, hash: ReturnType<typeof createHash>) {
  // fatal: a Latin-1 or UTF-16 file is refused with a message, never imported with mangled names.
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let first = true;
  for await (const chunk of uploaded(source)) {
    const buf = chunk as Buffer;
    if (first && buf[0] === 0x50 && buf[1] === 0x4b) {
      throw new AppError(
        'bad_request',
        'This looks like an Excel workbook: save it as "CSV UTF-8" and upload that',
      );
    }
    first = false;
    hash.update(buf);
    try {
      yield decoder.decode(buf, { stream: true });
    } catch {
      throw notUtf8();
    }
  }
  // Over the size limit, @fastify/multipart ends the stream early and only marks it: never import a prefix.
  if ((source as { truncated?: boolean }).truncated)
    throw new AppError('payload_too_large', 'The file is larger than allowed: split it into smaller files');
  try {
    yield decoder.decode(); // an incomplete sequence at the very end (e.g. a Latin-1 "é" as last byte)
  } catch {
    throw notUtf8();
  }
};

/**
 * Streams a CSV upload: decodes, parses and validates row by row, so a large file never sits in memory as
 * text. Problems with the whole file (header, broken quoting) stop it with a 400 naming the line.
 */
export const readSupplierCsv = async (source: Readable, fileName: string): Promise<ReadCsv> => {
  const hash = createHash('sha256');
  let header: string[] = [];
  let headerIssues: ImportIssue[] = [];
  // Records as arrays, mapped to the header here: csv-parse's own `columns` mapping doubled the parse time.
  let lastRecordLine = 0; // where the last complete record ended, for an error the parser can only place at the end
  const parser = parse({
    bom: true,
    skip_empty_lines: true,
    // Files edited on several systems mix CRLF and LF (even a lone CR): accept any of them on any line,
    // rather than guessing from the first line and refusing the rest.
    record_delimiter: ['\r\n', '\n', '\r'],
    on_record: (record: string[], context: { lines: number }) => {
      lastRecordLine = context.lines;
      return record;
    },
  });
  const rows: ParsedRow[] = [];
  const text = Readable.from(decodeUtf8(source, hash), { objectMode: false });
  text.on('error', (err) => parser.destroy(err));
  text.pipe(parser);
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      if (header.length === 0) {
        header = record.map((c) => c.trim().toLowerCase());
        headerIssues = checkHeader(header);
        if (headerIssues.length > 0) break;
        continue;
      }
      const cells: Record<string, string> = {};
      for (let i = 0; i < header.length; i++) cells[header[i]!] = record[i]!;
      // info.lines would count embedded newlines; the record index + header is the line a person sees.
      rows.push(parseRow(cells, rows.length + 2));
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    const e = err as { code?: string; lines?: number; message?: string };
    if (e.code === 'CSV_QUOTE_NOT_CLOSED') {
      // csv-parse names the end of the file; the record that never ended starts after the last one read.
      const line = lastRecordLine + 1;
      throw new AppError(
        'bad_request',
        `The CSV cannot be read at line ${line}: a quoted cell starts there and is never closed (a " is missing)`,
      );
    }
    if (e.code?.startsWith('CSV_')) {
      throw new AppError('bad_request', `The CSV cannot be read at line ${e.lines ?? '?'}: ${e.message}`);
    }
    throw err;
  } finally {
    // Stop reading the upload whatever happened, so the request can be answered at once.
    text.destroy();
    source.resume();
  }
  if (header.length === 0)
    throw new AppError('bad_request', 'The file is empty: it needs a header row and at least one supplier');
  if (headerIssues.length > 0) {
    throw new AppError(
      'validation_failed',
      `The header row does not match the template: ${headerIssues.map((i) => i.message).join('; ')}`,
      headerIssues.map((i) => ({ path: `row 1: ${i.column}`, message: i.message })),
    );
  }
  if (rows.length === 0) throw new AppError('bad_request', 'The file has a header but no supplier rows');
  return { fileName, sha256: hash.digest('hex'), header, rows };
};

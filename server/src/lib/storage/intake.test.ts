import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docxBytes, exeBytes, pdfBytes, pngBytes, zipBytes } from '../../../test/files.js';
import { startS3 } from '../../../test/s3.js';
import { AppError } from '../app-error.js';
import { type FileStorage, InvalidStorageKeyError } from './file-storage.js';
import { createUploadIntake } from './intake.js';
import { createLocalDiskStorage } from './local-disk.js';
import { createS3Storage } from './s3.js';

const MAX = 1024 * 1024; // 1 MB: the refusal names it
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const chunked = (b: Buffer, size = 16 * 1024) =>
  Readable.from(
    Array.from({ length: Math.ceil(b.length / size) }, (_, i) => b.subarray(i * size, (i + 1) * size)),
  );
const refusal = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: unknown) => e as AppError,
  );
const xlsxBytes = async () => {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Workers').addRows([
    ['site', 'workers'],
    ['Dhaka', 120],
  ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
};

let s3: Awaited<ReturnType<typeof startS3>>;
let diskRoot: string;
beforeAll(async () => {
  s3 = await startS3();
  diskRoot = await mkdtemp(path.join(os.tmpdir(), 'clearsource-intake-'));
});
afterAll(async () => {
  await s3?.close();
  if (diskRoot) await rm(diskRoot, { recursive: true, force: true });
});

/** Every file under the root, temporary ones included: what a refused upload must not leave. */
const filesOnDisk = async (): Promise<string[]> => {
  const entries = await readdir(diskRoot, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(diskRoot, path.join(e.parentPath, e.name)));
};

describe.each([
  ['local disk', () => createLocalDiskStorage({ root: diskRoot }), filesOnDisk],
  [
    'S3 (s3rver)',
    () => createS3Storage(s3.options),
    async () => {
      const client = createS3Storage(s3.options).client;
      const out = await client.send(new ListObjectsV2Command({ Bucket: s3.options.bucket }));
      return (out.Contents ?? []).map((o) => o.Key ?? '');
    },
  ],
] as const)('upload intake on %s', (_name, make, storedKeys) => {
  let storage: FileStorage;
  let intake: ReturnType<typeof createUploadIntake>;
  beforeAll(() => {
    storage = make();
    intake = createUploadIntake({ storage, maxBytes: MAX });
  });
  const newKey = () => `org/${randomUUID()}/evidence/${randomUUID()}`;

  /** Stores and checks the result against the bytes; the stored copy is read back. */
  const accepts = async (bytes: Buffer, fileName: string, mediaType: string, ext: string) => {
    const key = newKey();
    const stored = await intake.store(key, { stream: chunked(bytes), fileName });
    expect(stored).toEqual({
      key,
      size: bytes.length,
      sha256: sha(bytes),
      mediaType,
      detectedExtension: ext,
      originalName: fileName,
    });
    const back: Buffer[] = [];
    for await (const c of await storage.get(key)) back.push(c as Buffer);
    expect(sha(Buffer.concat(back))).toBe(sha(bytes));
    await storage.delete(key);
  };

  it('keeps a PDF, PNG, Word and Excel file, typed from their bytes, with their SHA-256', async () => {
    await accepts(pdfBytes(), 'audit report.pdf', 'application/pdf', 'pdf');
    await accepts(pngBytes(), 'photo.png', 'image/png', 'png');
    await accepts(
      docxBytes(),
      'policy.docx',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'docx',
    );
    await accepts(
      await xlsxBytes(),
      'payroll.xlsx',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'xlsx',
    );
    // The name does not decide: a PNG called .pdf is kept as the PNG it is.
    const key = newKey();
    expect(await intake.store(key, { stream: chunked(pngBytes()), fileName: 'scan.pdf' })).toMatchObject({
      mediaType: 'image/png',
      detectedExtension: 'png',
      originalName: 'scan.pdf',
    });
    await storage.delete(key);
  });

  it('sniffs a file larger than what it keeps in memory from the stored copy', async () => {
    const big = Buffer.concat([pdfBytes(), Buffer.alloc(300 * 1024, 0x20), Buffer.from('\n%%EOF\n')]);
    await accepts(big, 'long.pdf', 'application/pdf', 'pdf');
  });

  it('keeps UTF-8 text, as CSV when so named', async () => {
    await accepts(Buffer.from('site,workers\r\nSão Paulo,40\r\n'), 'sites.csv', 'text/csv', 'csv');
    await accepts(Buffer.from('Notes from the visit – 12 workers\n'), 'notes.txt', 'text/plain', 'txt');
    await accepts(Buffer.from('no extension at all\n'), 'README', 'text/plain', 'txt');
  });

  it.each([
    [
      'an executable renamed .pdf',
      exeBytes(),
      'invoice.pdf',
      'This file is a Windows executable (.exe); upload a PDF',
    ],
    [
      'a ZIP renamed .pdf',
      zipBytes({ 'a.txt': 'hello' }),
      'report.pdf',
      'This file is a ZIP archive (.zip); upload a PDF',
    ],
    [
      'unknown binary',
      Buffer.concat([Buffer.from('XYZ'), Buffer.alloc(100, 0)]),
      'data.pdf',
      'The type of this file could not be recognised; upload a PDF',
    ],
    [
      'Latin-1 text',
      Buffer.from('Jos\xe9,Bogot\xe1\n', 'latin1'),
      'people.csv',
      'The type of this file could not be recognised',
    ],
    [
      'text with control characters',
      Buffer.from('abc\u0001def\n'),
      'x.txt',
      'The type of this file could not be recognised',
    ],
    ['an empty file', Buffer.alloc(0), 'empty.pdf', 'The file is empty'],
    ['a cut-off Word document', docxBytes().subarray(0, 60), 'policy.docx', 'upload a PDF'],
  ])(
    'refuses %s with a 422 naming what it is, and stores nothing',
    async (_what, bytes, fileName, message) => {
      const err = await refusal(intake.store(newKey(), { stream: chunked(bytes), fileName }));
      expect(err).toBeInstanceOf(AppError);
      expect(err).toMatchObject({ code: 'unprocessable', status: 422 });
      expect(err?.message).toContain(message);
      expect(err?.issues?.[0]?.path).toBe('file');
      expect(await storedKeys()).toEqual([]);
    },
  );

  it('refuses a file over the limit with a 413 naming the limit in MB, and stores nothing', async () => {
    const err = await refusal(
      intake.store(newKey(), {
        stream: chunked(Buffer.concat([pdfBytes(), randomBytes(MAX)])),
        fileName: 'big.pdf',
      }),
    );
    expect(err).toMatchObject({ code: 'payload_too_large', status: 413 });
    expect(err?.message).toBe('The file is larger than the 1 MB allowed: upload a smaller file or split it');
    expect(await storedKeys()).toEqual([]);
    // Exactly at the limit is allowed.
    const exact = Buffer.concat([pdfBytes(), Buffer.alloc(MAX - pdfBytes().length, 0x20)]);
    await accepts(exact, 'exact.pdf', 'application/pdf', 'pdf');
  });

  it('refuses an upload cut short with a 400, and stores nothing', async () => {
    const cut = Readable.from(
      (async function* () {
        yield pdfBytes();
        throw new Error('Unexpected end of form');
      })(),
    );
    const err = await refusal(intake.store(newKey(), { stream: cut, fileName: 'a.pdf' }));
    expect(err).toMatchObject({
      code: 'bad_request',
      message: 'The upload ended before the file did: send it again',
    });
    expect(await storedKeys()).toEqual([]);
  });

  it('uses the caller key, never the name: a traversal name is only shown, sanitised', async () => {
    const key = newKey();
    const stored = await intake.store(key, { stream: chunked(pdfBytes()), fileName: '../../etc/passwd' });
    expect(stored).toMatchObject({ key, originalName: 'passwd' });
    expect(await storedKeys()).toEqual([key.split('/').join(path.sep === '/' ? '/' : path.sep)]);
    await storage.delete(key);
  });

  it('refuses a bad key before reading anything', async () => {
    const stream = chunked(pdfBytes());
    await expect(intake.store('../x', { stream, fileName: 'a.pdf' })).rejects.toBeInstanceOf(
      InvalidStorageKeyError,
    );
    expect(stream.readableFlowing).toBeNull(); // untouched
  });
});

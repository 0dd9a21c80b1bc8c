import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import multipart from '@fastify/multipart';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipartBody } from '../../../test/factories.js';
import { exeBytes, pdfBytes } from '../../../test/files.js';
import { errorHandlerPlugin } from '../../plugins/error-handler.js';
import { AppError } from '../app-error.js';
import { createUploadIntake } from './intake.js';
import { createLocalDiskStorage } from './local-disk.js';

const MAX = 256 * 1024;
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

let root: string;
let app: FastifyInstance;

/**
 * The intake behind a real multipart route, as the portal will use it: the 413 reaches the client as the one
 * error body whether @fastify/multipart's own limit stops the part or the intake's count does.
 */
beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'clearsource-intake-http-'));
  const intake = createUploadIntake({ storage: createLocalDiskStorage({ root }), maxBytes: MAX });
  app = Fastify({ logger: false });
  await app.register(errorHandlerPlugin);
  const route = (url: string, fileSize: number) =>
    app.register(async (scope) => {
      await scope.register(multipart, { limits: { fileSize, files: 1 }, throwFileSizeLimit: true });
      scope.post(url, async (req) => {
        const part = await req.file();
        if (!part)
          throw new AppError('validation_failed', 'Attach a file', [
            { path: 'file', message: 'Attach a file' },
          ]);
        return intake.store(`org/o1/evidence/${randomUUID()}`, {
          stream: part.file,
          fileName: part.filename,
        });
      });
    });
  await route('/multipart-limit', MAX); // the parser stops the part first
  await route('/intake-limit', MAX * 4); // the intake's own count stops it
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  if (root) await rm(root, { recursive: true, force: true });
});

const storedFiles = async () =>
  (await readdir(root, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) => e.name);

describe('upload intake over multipart', () => {
  it('keeps a PDF and answers its digest, type and sanitised name', async () => {
    const bytes = pdfBytes('over http');
    const res = await app.inject({
      method: 'POST',
      url: '/intake-limit',
      ...multipartBody(bytes, '../../etc/passwd'),
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      size: bytes.length,
      sha256: sha(bytes),
      mediaType: 'application/pdf',
      detectedExtension: 'pdf',
      originalName: 'passwd',
    });
    expect(res.json().key).toMatch(/^org\/o1\/evidence\/[0-9a-f-]{36}$/);
    expect(await storedFiles()).toHaveLength(1);
  });

  it.each(['/multipart-limit', '/intake-limit'])(
    '%s: an oversized file answers 413 and nothing is stored',
    async (url) => {
      const before = await storedFiles();
      const res = await app.inject({
        method: 'POST',
        url,
        ...multipartBody(Buffer.concat([pdfBytes(), randomBytes(MAX * 2)]), 'big.pdf'),
      });
      expect(res.statusCode).toBe(413);
      expect(res.json().error).toMatchObject({
        code: 'payload_too_large',
        message: 'The file is larger than the 0.25 MB allowed: upload a smaller file or split it',
      });
      expect(await storedFiles()).toEqual(before);
    },
  );

  it('an executable named .pdf answers 422 with the reason on the file field, and nothing is stored', async () => {
    const before = await storedFiles();
    const res = await app.inject({
      method: 'POST',
      url: '/intake-limit',
      ...multipartBody(exeBytes(), 'invoice.pdf'),
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({
      code: 'unprocessable',
      message:
        'This file is a Windows executable (.exe); upload a PDF, an image (PNG, JPEG, WebP, HEIC), a Word or Excel document, or a text/CSV file',
      issues: [{ path: 'file' }],
    });
    expect(await storedFiles()).toEqual(before);
  });
});

import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startS3 } from '../../../test/s3.js';
import { loadConfig } from '../../config.js';
import { createFileStorage } from './create.js';
import { type FileStorage, InvalidStorageKeyError, StoredFileNotFoundError } from './file-storage.js';
import { createLocalDiskStorage } from './local-disk.js';
import { createS3Storage } from './s3.js';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const readAll = async (s: Readable) => {
  const chunks: Buffer[] = [];
  for await (const c of s) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
};

let s3: Awaited<ReturnType<typeof startS3>>;
let diskRoot: string;
beforeAll(async () => {
  s3 = await startS3();
  diskRoot = await mkdtemp(path.join(os.tmpdir(), 'clearsource-files-'));
});
afterAll(async () => {
  await s3?.close();
  if (diskRoot) await rm(diskRoot, { recursive: true, force: true });
});

// One battery for both implementations: the portal is written against the interface, not a driver.
// `atomicReplace`: S3 replaces an object atomically, but s3rver (the test double) writes the object file in place,
// so two concurrent puts to one key can interleave there; that one check runs on the local disk only.
describe.each([
  ['local disk', () => createLocalDiskStorage({ root: diskRoot }), true],
  ['S3 (s3rver)', () => createS3Storage(s3.options), false],
] as const)('%s storage', (_name, make, atomicReplace) => {
  let storage: FileStorage;
  beforeAll(() => {
    storage = make();
  });
  const key = () => `org/${randomBytes(4).toString('hex')}/evidence/${randomBytes(8).toString('hex')}`;

  it('puts a Buffer and gets the same bytes back', async () => {
    const k = key();
    const bytes = randomBytes(1000);
    expect(await storage.put(k, bytes)).toEqual({ size: 1000 });
    expect(await storage.exists(k)).toBe(true);
    expect(sha(await readAll(await storage.get(k)))).toBe(sha(bytes));
  });

  it('puts a stream of unknown length, counting its bytes (6 MiB: more than one S3 part)', async () => {
    const k = key();
    const chunks = Array.from({ length: 96 }, () => randomBytes(64 * 1024));
    const whole = Buffer.concat(chunks);
    expect(await storage.put(k, Readable.from(chunks))).toEqual({ size: whole.length });
    expect(sha(await readAll(await storage.get(k)))).toBe(sha(whole));
  });

  it('stores an empty file', async () => {
    const k = key();
    expect(await storage.put(k, Readable.from([]))).toEqual({ size: 0 });
    expect((await readAll(await storage.get(k))).length).toBe(0);
  });

  it('replaces what was stored under the key', async () => {
    const k = key();
    await storage.put(k, Buffer.from('first version'));
    await storage.put(k, Readable.from([Buffer.from('second')]));
    expect(await text(await storage.get(k))).toBe('second');
  });

  it('answers a typed 404 for a missing key, and exists() false', async () => {
    const k = key();
    expect(await storage.exists(k)).toBe(false);
    const err = await storage.get(k).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoredFileNotFoundError);
    expect(err).toMatchObject({ code: 'not_found', status: 404, key: k });
  });

  it('deletes, and deleting a missing key is no error', async () => {
    const k = key();
    await storage.put(k, Buffer.from('x'));
    await storage.delete(k);
    expect(await storage.exists(k)).toBe(false);
    await expect(storage.get(k)).rejects.toBeInstanceOf(StoredFileNotFoundError);
    await expect(storage.delete(k)).resolves.toBeUndefined();
  });

  it('refuses keys outside [a-z0-9/_-] segments before touching anything', async () => {
    const bad = [
      '',
      '../etc/passwd',
      'org/../../etc/passwd',
      '/etc/passwd',
      'org//evidence',
      'org/evidence/',
      'org/./x',
      'org/.tmp/x',
      'Org/Upper',
      'org\\evidence',
      'c:/windows',
      'org/evidence/report.pdf',
      'org/ev idence',
      'org/%2e%2e/x',
      'a'.repeat(513),
    ];
    for (const k of bad) {
      await expect(storage.put(k, Buffer.from('x')), k).rejects.toBeInstanceOf(InvalidStorageKeyError);
      await expect(storage.get(k), k).rejects.toBeInstanceOf(InvalidStorageKeyError);
      await expect(storage.exists(k), k).rejects.toBeInstanceOf(InvalidStorageKeyError);
      await expect(storage.delete(k), k).rejects.toBeInstanceOf(InvalidStorageKeyError);
    }
  });

  it('keeps concurrent puts apart', async () => {
    const keys = Array.from({ length: 12 }, key);
    const bodies = keys.map(() => randomBytes(50_000));
    await Promise.all(keys.map((k, i) => storage.put(k, Readable.from([bodies[i] as Buffer]))));
    const back = await Promise.all(keys.map(async (k) => sha(await readAll(await storage.get(k)))));
    expect(back).toEqual(bodies.map(sha));
  });

  it.runIf(atomicReplace)('leaves one whole version after concurrent puts to one key', async () => {
    const one = key();
    const versions = Array.from({ length: 6 }, () => randomBytes(200_000));
    await Promise.all(
      versions.map((v) => storage.put(one, Readable.from([v.subarray(0, 100_000), v.subarray(100_000)]))),
    );
    expect(versions.map(sha)).toContain(sha(await readAll(await storage.get(one))));
  });

  it('stores nothing when the stream fails midway', async () => {
    const k = key();
    const failing = Readable.from(
      (async function* () {
        yield randomBytes(1000);
        throw new Error('connection reset');
      })(),
    );
    await expect(storage.put(k, failing)).rejects.toThrow('connection reset');
    expect(await storage.exists(k)).toBe(false);
  });
});

describe('local disk layout', () => {
  it('keeps files under the root, one path segment per key segment, and no temporary file behind', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'clearsource-files-'));
    try {
      const storage = createLocalDiskStorage({ root });
      await storage.put('org/a1/evidence/f1', Buffer.from('x'));
      expect(await readdir(path.join(root, 'org/a1/evidence'))).toEqual(['f1']);
      expect(await readdir(path.join(root, '.tmp'))).toEqual([]);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});

describe('storage configuration', () => {
  const base = { DATA_DIR: '/srv/clearsource' };

  it('defaults to the local disk under DATA_DIR/files, and 20 MiB evidence', () => {
    const config = loadConfig(base);
    expect(config.storage).toEqual({ driver: 'local', dir: path.resolve('/srv/clearsource/files') });
    expect(config.evidenceMaxBytes).toBe(20 * 1024 * 1024);
  });

  it('reads the S3 settings, with us-east-1 and path-style by default', () => {
    const config = loadConfig({
      ...base,
      STORAGE_DRIVER: 's3',
      S3_ENDPOINT: 'http://minio:9000',
      S3_BUCKET: 'evidence',
      S3_ACCESS_KEY_ID: 'id',
      S3_SECRET_ACCESS_KEY: 'secret',
    });
    expect(config.storage).toEqual({
      driver: 's3',
      endpoint: 'http://minio:9000',
      region: 'us-east-1',
      bucket: 'evidence',
      accessKeyId: 'id',
      secretAccessKey: 'secret',
      forcePathStyle: true,
    });
    expect(
      loadConfig({
        ...base,
        STORAGE_DRIVER: 's3',
        S3_BUCKET: 'b',
        S3_ACCESS_KEY_ID: 'i',
        S3_SECRET_ACCESS_KEY: 's',
        S3_FORCE_PATH_STYLE: 'false',
        S3_REGION: 'eu-west-3',
      }).storage,
    ).toMatchObject({ endpoint: undefined, region: 'eu-west-3', forcePathStyle: false });
  });

  it('names every S3 setting that is missing when S3 is chosen', () => {
    const complete = {
      STORAGE_DRIVER: 's3',
      S3_BUCKET: 'b',
      S3_ACCESS_KEY_ID: 'i',
      S3_SECRET_ACCESS_KEY: 's',
    };
    expect(() => loadConfig({ ...base, STORAGE_DRIVER: 's3', S3_BUCKET: 'evidence' })).toThrow(
      'Invalid configuration:\n  S3_ACCESS_KEY_ID: required when STORAGE_DRIVER=s3\n  S3_SECRET_ACCESS_KEY: required when STORAGE_DRIVER=s3',
    );
    expect(() => loadConfig({ ...base, STORAGE_DRIVER: 'gcs' })).toThrow(
      "STORAGE_DRIVER must be 'local' or 's3'",
    );
    expect(() => loadConfig({ ...base, ...complete, S3_ENDPOINT: 'minio:9000' })).toThrow(
      'S3_ENDPOINT must be an http(s) URL such as http://minio:9000',
    );
  });

  it('builds the storage the configuration chose', async () => {
    const local = createFileStorage(loadConfig({ DATA_DIR: diskRoot }));
    await local.put('org/x/evidence/made-by-factory', Buffer.from('local'));
    expect(await readdir(path.join(diskRoot, 'files/org/x/evidence'))).toEqual(['made-by-factory']);

    const remote = createFileStorage({ storage: { driver: 's3', ...s3.options } });
    await remote.put('org/x/evidence/made-by-factory', Buffer.from('s3'));
    expect(await text(await remote.get('org/x/evidence/made-by-factory'))).toBe('s3');
  });
});

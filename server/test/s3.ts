import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';
import type { S3StorageOptions } from '../src/lib/storage/s3.js';

/**
 * A real S3-compatible server (s3rver) in the test process, on a free port, keeping its objects in a temporary
 * directory, with one empty bucket. `close` stops it and removes the directory.
 */
export const startS3 = async (bucket = 'evidence') => {
  const directory = await mkdtemp(path.join(os.tmpdir(), 'clearsource-s3-'));
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    directory,
    silent: true,
    configureBuckets: [{ name: bucket }],
  });
  const { port } = await server.run();
  const options: S3StorageOptions = {
    endpoint: `http://127.0.0.1:${port}`,
    region: 'us-east-1',
    bucket,
    // s3rver's fixed credentials: it checks the signature against them.
    accessKeyId: 'S3RVER',
    secretAccessKey: 'S3RVER',
    forcePathStyle: true,
  };
  return {
    options,
    close: async () => {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
};

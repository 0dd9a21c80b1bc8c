import { pipeline, type Readable, Transform } from 'node:stream';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { assertStorageKey, type FileStorage, StoredFileNotFoundError } from './file-storage.js';

export interface S3StorageOptions {
  /** e.g. http://minio:9000; undefined: AWS S3 itself, by region. */
  endpoint: string | undefined;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** bucket in the path (http://host/bucket/key), as most S3-compatible servers expect. */
  forcePathStyle: boolean;
}

/** Parts of a streamed upload; S3's minimum. A file smaller than this is sent as one PutObject. */
const PART_SIZE_BYTES = 5 * 1024 * 1024;

const isMissing = (err: unknown) => {
  const e = err as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e.name === 'NoSuchKey' || e.name === 'NotFound' || e.$metadata?.httpStatusCode === 404;
};

/**
 * Files as objects in one bucket (created beforehand, by whoever runs the storage), so several API instances
 * share them. A put is atomic in S3: readers see the old object or the new one.
 */
export const createS3Storage = (opts: S3StorageOptions): FileStorage & { client: S3Client } => {
  const client = new S3Client({
    endpoint: opts.endpoint,
    region: opts.region,
    forcePathStyle: opts.forcePathStyle,
    credentials: { accessKeyId: opts.accessKeyId, secretAccessKey: opts.secretAccessKey },
    // Since 3.729 the SDK adds CRC32 checksums to every upload, sending streams as aws-chunked with a trailer.
    // Many S3-compatible servers don't decode that and store the chunk framing as the file's bytes (s3rver
    // does): checksums only where an operation requires them. Integrity is ours anyway (SHA-256 at intake).
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  const Bucket = opts.bucket;

  return {
    client,

    async put(key, body) {
      assertStorageKey(key);
      if (Buffer.isBuffer(body)) {
        await client.send(new PutObjectCommand({ Bucket, Key: key, Body: body, ContentLength: body.length }));
        return { size: body.length };
      }
      // A stream's length is unknown until it ends: a multipart upload (one PutObject when it is small).
      let size = 0;
      const count = new Transform({
        transform(chunk: Buffer, _enc, done) {
          size += chunk.length;
          done(null, chunk);
        },
      });
      // The callback form: an error on either side destroys the other, and reaches the upload through `count`.
      pipeline(body, count, () => {});
      const upload = new Upload({
        client,
        params: { Bucket, Key: key, Body: count },
        partSize: PART_SIZE_BYTES,
        queueSize: 2,
        leavePartsOnError: false, // a failed upload aborts its multipart upload, so no parts are billed
      });
      await upload.done();
      return { size };
    },

    async get(key) {
      assertStorageKey(key);
      try {
        const out = await client.send(new GetObjectCommand({ Bucket, Key: key }));
        return out.Body as Readable;
      } catch (err) {
        if (isMissing(err)) throw new StoredFileNotFoundError(key);
        throw err;
      }
    },

    async delete(key) {
      assertStorageKey(key);
      await client.send(new DeleteObjectCommand({ Bucket, Key: key }));
    },

    async exists(key) {
      assertStorageKey(key);
      try {
        await client.send(new HeadObjectCommand({ Bucket, Key: key }));
        return true;
      } catch (err) {
        if (isMissing(err)) return false;
        throw err;
      }
    },
  };
};

export type S3Storage = ReturnType<typeof createS3Storage>;

import type { Readable } from 'node:stream';
import { AppError } from '../app-error.js';

/**
 * Where uploaded files live: the local disk under DATA_DIR (one API instance) or S3-compatible object
 * storage (several instances sharing files). Callers build keys from ids (`org/<orgId>/evidence/<uuid>`),
 * never from a user's file name, so a name like `../../etc/passwd` can never choose a path.
 */
export interface FileStorage {
  /** Stores the bytes under `key`, replacing what was there; readers see the old or the new file, never a part. */
  put(key: string, body: Readable | Buffer): Promise<{ size: number }>;
  /** The stored bytes; `StoredFileNotFoundError` (404 `not_found`) when nothing is stored under `key`. */
  get(key: string): Promise<Readable>;
  /** Removes the file; removing a missing one is not an error (a retried clean-up must not fail). */
  delete(key: string): Promise<void>;
  exists(key: string): Promise<boolean>;
}

/** Nothing is stored under the key: a 404 if it reaches the client, like any missing record. */
export class StoredFileNotFoundError extends AppError {
  constructor(readonly key: string) {
    super('not_found', 'The file was not found');
    this.name = 'StoredFileNotFoundError';
  }
}

/** A key outside the rules below: a bug in the caller (keys come from ids), so a plain Error and a 500. */
export class InvalidStorageKeyError extends Error {
  constructor(readonly key: string) {
    super(`Invalid storage key ${JSON.stringify(key.slice(0, 100))}: use [a-z0-9_-] segments joined by /`);
    this.name = 'InvalidStorageKeyError';
  }
}

export const STORAGE_KEY_MAX_LENGTH = 512;

// Segments of [a-z0-9_-] joined by single slashes: no dot (so no `..` and no hidden or temporary names), no
// leading slash (never absolute), no backslash or colon (no Windows paths), no empty segment. The same key
// is then a safe relative path on disk and a plain object key in S3.
const KEY = /^[a-z0-9_-]+(?:\/[a-z0-9_-]+)*$/;

export const isValidStorageKey = (key: string): boolean =>
  typeof key === 'string' && key.length <= STORAGE_KEY_MAX_LENGTH && KEY.test(key);

export const assertStorageKey = (key: string): void => {
  if (!isValidStorageKey(key)) throw new InvalidStorageKeyError(String(key));
};

import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { assertStorageKey, type FileStorage, StoredFileNotFoundError } from './file-storage.js';

const isMissing = (err: unknown) => {
  const code = (err as NodeJS.ErrnoException).code;
  // ENOTDIR: a key below another key's file (`a/b` when `a` is a file) is missing too.
  return code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR';
};

/**
 * Files under `root` (DATA_DIR/files by default), one file per key. Writes go to `root/.tmp` first and are
 * renamed into place, so a crash or a refused upload never leaves half a file under a key. `.tmp` cannot
 * clash with a key: keys have no dots.
 */
export const createLocalDiskStorage = ({ root }: { root: string }): FileStorage => {
  const base = path.resolve(root);
  const tmpDir = path.join(base, '.tmp');
  const pathOf = (key: string) => {
    assertStorageKey(key);
    return path.join(base, ...key.split('/'));
  };

  return {
    async put(key, body) {
      const target = pathOf(key);
      await mkdir(tmpDir, { recursive: true });
      await mkdir(path.dirname(target), { recursive: true });
      const tmp = path.join(tmpDir, `${randomUUID()}.part`);
      let size = 0;
      const count = new Transform({
        transform(chunk: Buffer, _enc, done) {
          size += chunk.length;
          done(null, chunk);
        },
      });
      try {
        const source = Buffer.isBuffer(body) ? Readable.from([body]) : body;
        // flush: fsync before close, so the rename never publishes a file whose bytes are still in cache.
        await pipeline(source, count, createWriteStream(tmp, { flags: 'wx', flush: true }));
        await rename(tmp, target);
      } catch (err) {
        await rm(tmp, { force: true });
        throw err;
      }
      return { size };
    },

    async get(key) {
      const file = pathOf(key);
      try {
        // Opened here rather than by createReadStream, so a missing file rejects now and not on first read.
        const handle = await open(file, 'r');
        return handle.createReadStream();
      } catch (err) {
        if (isMissing(err)) throw new StoredFileNotFoundError(key);
        throw err;
      }
    },

    async delete(key) {
      // Empty directories stay: removing them would race a concurrent put into the same directory.
      await rm(pathOf(key), { force: true });
    },

    async exists(key) {
      try {
        return (await stat(pathOf(key))).isFile();
      } catch (err) {
        if (isMissing(err)) return false;
        throw err;
      }
    },
  };
};

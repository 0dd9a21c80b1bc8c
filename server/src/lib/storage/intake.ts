import { createHash } from 'node:crypto';
import { pipeline, type Readable, Transform } from 'node:stream';
import { fileTypeFromBuffer, fileTypeFromStream } from 'file-type';
import { AppError, unprocessable } from '../app-error.js';
import { displayFileName } from './display-name.js';
import { assertStorageKey, type FileStorage } from './file-storage.js';
import {
  ACCEPTED_KINDS,
  ACCEPTED_MEDIA_TYPES,
  type AcceptedMediaType,
  describeFileType,
  isAcceptedMediaType,
} from './file-types.js';

/** An uploaded file as @fastify/multipart hands it over: `{ stream: part.file, fileName: part.filename }`. */
export interface IncomingFile {
  stream: Readable;
  fileName: string | undefined;
}

/** A file kept by the intake: what the caller records next to its own row. */
export interface StoredUpload {
  /** The key it is stored under (the one the caller gave). */
  key: string;
  size: number;
  /** Hex, lower case, of the bytes as stored. */
  sha256: string;
  /** Judged from the content, never from the name. */
  mediaType: AcceptedMediaType;
  /** The extension that goes with `mediaType` (`pdf`, `jpg`, `csv`…), e.g. for a download's name. */
  detectedExtension: string;
  /** The uploader's name for it, sanitised (displayFileName): for display only. */
  originalName: string;
}

export interface UploadIntakeDeps {
  storage: Pick<FileStorage, 'put' | 'get' | 'delete'>;
  maxBytes: number;
}

/** Bytes kept in memory for sniffing; a larger file is sniffed again from storage (file-type reads what it needs). */
const HEAD_BYTES = 64 * 1024;

/** A size as the messages say it, e.g. `20 MB` (MiB, as the limits are set). */
export const megabytes = (bytes: number) => `${Number((bytes / (1024 * 1024)).toFixed(2))} MB`;

const refused = (message: string) => unprocessable(message, 'file');

/**
 * Keeps uploaded files only when they are what they claim to be. The upload streams into storage under the
 * caller's key (generated from ids) while it is hashed, counted and checked; if it is too large, not of an
 * accepted type, or cut short, what was written is deleted and an AppError says why:
 * - 413 `payload_too_large`: larger than `maxBytes` (the message names the limit in MB);
 * - 422 `unprocessable`, issue path `file`: empty, or not an accepted type (the message names what it is);
 * - 400 `bad_request`: the upload ended before the file did.
 * Storage failures are rethrown as they are (a logged 500).
 */
export const createUploadIntake = ({ storage, maxBytes }: UploadIntakeDeps) => {
  const tooLarge = () =>
    new AppError(
      'payload_too_large',
      `The file is larger than the ${megabytes(maxBytes)} allowed: upload a smaller file or split it`,
      [{ path: 'file', message: `Larger than ${megabytes(maxBytes)}` }],
    );

  /** file-type's verdict; `unreadable` when a format's magic number matched but the rest is broken (a cut ZIP). */
  const sniff = async (key: string, head: Buffer, size: number) => {
    const source = size <= head.length ? head : await storage.get(key);
    try {
      return await (Buffer.isBuffer(source) ? fileTypeFromBuffer(source) : fileTypeFromStream(source));
    } catch {
      return 'unreadable' as const;
    } finally {
      if (!Buffer.isBuffer(source)) source.destroy();
    }
  };

  const store = async (key: string, file: IncomingFile): Promise<StoredUpload> => {
    assertStorageKey(key);
    const originalName = displayFileName(file.fileName);
    const hash = createHash('sha256');
    const headChunks: Buffer[] = [];
    let headLength = 0;
    let size = 0;
    // Text has no magic number: it is text when every byte so far decodes as UTF-8 without control characters.
    const decoder = new TextDecoder('utf-8', { fatal: true });
    let text = true;
    const checkText = (chunk: Buffer) => {
      if (!text) return;
      for (const byte of chunk) {
        // C0 controls other than tab, LF, FF, CR, and DEL: a binary file, whatever decodes.
        if (
          (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d) ||
          byte === 0x7f
        ) {
          text = false;
          return;
        }
      }
      try {
        decoder.decode(chunk, { stream: true });
      } catch {
        text = false;
      }
    };

    const inspect = new Transform({
      transform(chunk: Buffer, _enc, done) {
        size += chunk.length;
        if (size > maxBytes) return done(tooLarge());
        hash.update(chunk);
        if (headLength < HEAD_BYTES) {
          const part = chunk.subarray(0, HEAD_BYTES - headLength);
          headChunks.push(part);
          headLength += part.length;
        }
        checkText(chunk);
        done(null, chunk);
      },
    });
    // The caller may check things (a database read) between parsing the part and storing it: a body cut short
    // in the meantime has already failed the part, before this listener could hear it.
    const early = file.stream.errored ?? (file.stream.destroyed && !file.stream.readableEnded);
    let sourceError: (Error & { statusCode?: number; code?: string }) | undefined =
      early instanceof Error ? early : early ? new Error('The upload ended before the file did') : undefined;
    file.stream.once('error', (err) => {
      sourceError = err;
    });
    // Callback form: an error on either side destroys the other (a refused upload stops being read).
    pipeline(file.stream, inspect, () => {});

    const discard = async (err: unknown): Promise<never> => {
      await storage.delete(key).catch(() => {}); // best effort: the error below is the one to report
      throw err;
    };

    try {
      await storage.put(key, inspect);
    } catch (err) {
      if (err instanceof AppError) return discard(err);
      if (sourceError) {
        // @fastify/multipart's own limit (throwFileSizeLimit) is a 413; any other error of the part is a
        // connection cut or a broken body: the request's fault, not ours.
        const over = sourceError.statusCode === 413 || sourceError.code === 'FST_REQ_FILE_TOO_LARGE';
        return discard(
          over
            ? tooLarge()
            : new AppError('bad_request', 'The upload ended before the file did: send it again'),
        );
      }
      return discard(err);
    }
    // Without throwFileSizeLimit, @fastify/multipart ends the part early at its limit and only marks it.
    if ((file.stream as { truncated?: boolean }).truncated) return discard(tooLarge());
    if (size === 0) return discard(refused('The file is empty: choose the file again'));
    try {
      decoder.decode(); // a multi-byte character cut off at the very end
    } catch {
      text = false;
    }

    const detected = await sniff(key, Buffer.concat(headChunks), size).catch(discard);
    let mediaType: AcceptedMediaType;
    if (detected === 'unreadable') {
      return discard(refused(`This file is damaged or incomplete; upload ${ACCEPTED_KINDS}`));
    }
    if (detected) {
      if (!isAcceptedMediaType(detected.mime)) {
        return discard(refused(`This file is ${describeFileType(detected)}; upload ${ACCEPTED_KINDS}`));
      }
      mediaType = detected.mime;
    } else if (text) {
      // Both are plain text; the name only picks the label a download gets, it never lets anything in.
      mediaType = /\.csv$/i.test(originalName) ? 'text/csv' : 'text/plain';
    } else {
      return discard(refused(`The type of this file could not be recognised; upload ${ACCEPTED_KINDS}`));
    }
    return {
      key,
      size,
      sha256: hash.digest('hex'),
      mediaType,
      detectedExtension: ACCEPTED_MEDIA_TYPES[mediaType],
      originalName,
    };
  };

  return { store };
};

export type UploadIntake = ReturnType<typeof createUploadIntake>;

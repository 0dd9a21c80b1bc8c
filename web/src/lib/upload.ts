import type { z } from 'zod';
import { ApiError, currentCsrfToken, parseResponse, toApiError } from './api-client.js';

export interface UploadProgress {
  /** Bytes sent so far. */
  loaded: number;
  /** Bytes to send; 0 when the browser cannot tell. */
  total: number;
}

export interface UploadOptions<S extends z.ZodType> {
  file: File;
  /** Name of the multipart field the server reads. */
  field?: string;
  /** Text fields sent before the file (e.g. a dataset edition's provenance). */
  fields?: Record<string, string>;
  schema: S;
  onProgress?: (progress: UploadProgress) => void;
  signal?: AbortSignal;
}

const networkError = () =>
  new ApiError({
    status: 0,
    code: 'network_error',
    message:
      'The upload was interrupted. Check your connection and try again; if the file is very large, the server may have refused it.',
  });

/**
 * POSTs one file as multipart/form-data. It uses XMLHttpRequest because fetch cannot report upload progress,
 * which a 30 MB CSV on a slow line needs. Errors take the same ApiError shape as apiRequest's.
 */
export function uploadFile<S extends z.ZodType>(
  path: string,
  options: UploadOptions<S>,
): Promise<z.output<S>> {
  const { file, field = 'file', fields = {}, schema, onProgress, signal } = options;
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new DOMException('The upload was cancelled', 'AbortError'));
      return;
    }
    const body = new FormData();
    for (const [name, value] of Object.entries(fields)) body.append(name, value);
    body.append(field, file, file.name);

    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.setRequestHeader('accept', 'application/json');
    const token = currentCsrfToken();
    if (token) xhr.setRequestHeader('x-csrf-token', token);

    xhr.upload.onprogress = (event) => {
      onProgress?.({ loaded: event.loaded, total: event.lengthComputable ? event.total : file.size });
    };
    xhr.onerror = () => reject(networkError());
    xhr.onabort = () => reject(new DOMException('The upload was cancelled', 'AbortError'));
    xhr.onload = () => {
      const requestId = xhr.getResponseHeader('x-request-id') ?? undefined;
      const text = xhr.responseText;
      if (xhr.status < 200 || xhr.status >= 300) {
        const headers: Record<string, string> = requestId ? { 'x-request-id': requestId } : {};
        // Status 0 cannot be put in a Response; it means the connection failed.
        if (xhr.status === 0) {
          reject(networkError());
          return;
        }
        toApiError(new Response(text, { status: xhr.status, headers })).then(reject, reject);
        return;
      }
      let json: unknown;
      try {
        json = text ? JSON.parse(text) : undefined;
      } catch {
        json = undefined;
      }
      try {
        resolve(parseResponse(schema, json, { label: `POST ${path}`, status: xhr.status, requestId }));
      } catch (error) {
        reject(error);
      }
    };
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(body);
  });
}

const NEWLINE = 10;

/**
 * Lines after the header, counted in the browser while the server validates, so the wait can say how many
 * rows it is about. Approximate (a quoted cell may span lines); null when the file cannot be read.
 */
export async function countDataRows(file: Blob): Promise<number | null> {
  try {
    let lines = 0;
    let lastByte = NEWLINE;
    if (typeof file.stream === 'function') {
      const reader = file.stream().getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        for (const byte of value) if (byte === NEWLINE) lines += 1;
        if (value.length > 0) lastByte = value[value.length - 1] ?? lastByte;
      }
    } else {
      const text = await file.text();
      for (let i = 0; i < text.length; i += 1) if (text.charCodeAt(i) === NEWLINE) lines += 1;
      if (text.length > 0) lastByte = text.charCodeAt(text.length - 1);
    }
    // A last line without a newline still counts; then leave out the header.
    if (lastByte !== NEWLINE) lines += 1;
    return Math.max(0, lines - 1);
  } catch {
    return null;
  }
}

import { vi } from 'vitest';

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Headers;
  body: unknown;
}

export type Handler = (request: RecordedRequest) => Response | Promise<Response>;

export const json = (status: number, body: unknown, headers: Record<string, string> = {}): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

export const apiError = (
  status: number,
  code: string,
  message: string,
  issues?: { path: string; message: string }[],
) => json(status, { error: { code, message, requestId: 'req-test', ...(issues ? { issues } : {}) } });

/**
 * Replaces globalThis.fetch with a router keyed "METHOD /path" (query string ignored for matching, kept on
 * the recorded request). Unmatched calls answer 404 so a missing mock fails visibly, not by hanging.
 * XMLHttpRequest (file uploads with progress) goes through the same routes; a FormData body is recorded as is.
 */
export function mockFetch(routes: Record<string, Handler>) {
  const requests: RecordedRequest[] = [];
  vi.stubGlobal('XMLHttpRequest', fakeXhrClass(routes, requests));
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(String(input), 'http://localhost');
    const method = (init.method ?? 'GET').toUpperCase();
    const request: RecordedRequest = {
      method,
      path: url.pathname,
      query: url.searchParams,
      headers: new Headers(init.headers),
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
    };
    requests.push(request);
    const handler = routes[`${method} ${url.pathname}`];
    if (!handler) return apiError(404, 'not_found', `No mock for ${method} ${url.pathname}`);
    return handler(request);
  });
  vi.stubGlobal('fetch', fetchMock);
  const find = (method: string, path: string) =>
    requests.filter((r) => r.method === method && r.path === path);
  return { requests, find };
}

type XhrHandler = ((event: { loaded: number; total: number; lengthComputable: boolean }) => void) | null;

/** Just enough of XMLHttpRequest for lib/upload.ts: one upload progress event, then the routed answer. */
function fakeXhrClass(routes: Record<string, Handler>, requests: RecordedRequest[]) {
  return class FakeXMLHttpRequest {
    status = 0;
    responseText = '';
    upload: { onprogress: XhrHandler } = { onprogress: null };
    onload: (() => void) | null = null;
    onerror: (() => void) | null = null;
    onabort: (() => void) | null = null;
    private method = 'GET';
    private url = '';
    private aborted = false;
    private readonly requestHeaders = new Headers();
    private responseHeaders = new Headers();

    open(method: string, url: string) {
      this.method = method.toUpperCase();
      this.url = url;
    }

    setRequestHeader(name: string, value: string) {
      this.requestHeaders.set(name, value);
    }

    getResponseHeader(name: string) {
      return this.responseHeaders.get(name);
    }

    abort() {
      this.aborted = true;
      this.onabort?.();
    }

    send(body: unknown) {
      void this.dispatch(body);
    }

    private async dispatch(body: unknown) {
      const url = new URL(this.url, 'http://localhost');
      const request: RecordedRequest = {
        method: this.method,
        path: url.pathname,
        query: url.searchParams,
        headers: this.requestHeaders,
        body,
      };
      requests.push(request);
      let size = 0;
      if (body instanceof FormData) {
        for (const value of body.values()) if (value instanceof Blob) size += value.size;
      }
      this.upload.onprogress?.({ loaded: size, total: size, lengthComputable: true });
      const handler = routes[`${this.method} ${url.pathname}`];
      const response = handler
        ? await handler(request)
        : apiError(404, 'not_found', `No mock for ${this.method} ${url.pathname}`);
      if (this.aborted) return;
      this.status = response.status;
      this.responseHeaders = response.headers;
      this.responseText = await response.text();
      this.onload?.();
    }
  };
}

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
 */
export function mockFetch(routes: Record<string, Handler>) {
  const requests: RecordedRequest[] = [];
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

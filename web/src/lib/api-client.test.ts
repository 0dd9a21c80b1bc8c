import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { apiError, json, mockFetch } from '../../test/fetch-mock.js';
import { ApiError, apiRequest, setCsrfTokenSource, toQueryString } from './api-client.js';

const ThingSchema = z.object({ id: z.string(), name: z.string() });

afterEach(() => setCsrfTokenSource(() => undefined));

describe('apiRequest', () => {
  it('sends the CSRF token and a JSON body on POST', async () => {
    setCsrfTokenSource(() => 'token-abc');
    const { find } = mockFetch({ 'POST /api/things': () => json(201, { id: '1', name: 'Loom' }) });

    const thing = await apiRequest('/api/things', {
      method: 'POST',
      body: { name: 'Loom' },
      schema: ThingSchema,
    });

    expect(thing).toEqual({ id: '1', name: 'Loom' });
    const [request] = find('POST', '/api/things');
    expect(request?.headers.get('x-csrf-token')).toBe('token-abc');
    expect(request?.headers.get('content-type')).toBe('application/json');
    expect(request?.body).toEqual({ name: 'Loom' });
  });

  it('does not send the CSRF token on GET, nor a content type without a body', async () => {
    setCsrfTokenSource(() => 'token-abc');
    const { find } = mockFetch({ 'GET /api/things/1': () => json(200, { id: '1', name: 'Loom' }) });

    await apiRequest('/api/things/1', {
      schema: ThingSchema,
      query: { q: 'lo', role: undefined, offset: 0 },
    });

    const [request] = find('GET', '/api/things/1');
    expect(request?.headers.get('x-csrf-token')).toBeNull();
    expect(request?.headers.get('content-type')).toBeNull();
    expect(request?.query.toString()).toBe('q=lo&offset=0');
  });

  it('turns an error body into an ApiError with its issues', async () => {
    mockFetch({
      'POST /api/things': () =>
        apiError(400, 'validation_failed', 'Check the highlighted fields', [
          { path: 'name', message: 'Name is required' },
        ]),
    });

    const error = await apiRequest('/api/things', { method: 'POST', body: {}, schema: ThingSchema }).catch(
      (e: unknown) => e,
    );

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 400,
      code: 'validation_failed',
      message: 'Check the highlighted fields',
      requestId: 'req-test',
      issues: [{ path: 'name', message: 'Name is required' }],
    });
  });

  it('still gives an ApiError when a proxy answers with HTML', async () => {
    mockFetch({ 'GET /api/things': () => new Response('<html>Bad gateway</html>', { status: 502 }) });

    const error = await apiRequest('/api/things', { schema: ThingSchema }).catch((e: unknown) => e);

    expect(error).toMatchObject({ status: 502, code: 'internal', issues: [] });
  });

  it('reports an unreachable server as a network error', async () => {
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')));

    const error = await apiRequest('/api/things', { schema: ThingSchema }).catch((e: unknown) => e);

    expect(error).toMatchObject({ status: 0, code: 'network_error' });
  });

  it('refuses a success answer that breaks the contract', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    mockFetch({ 'GET /api/things/1': () => json(200, { id: 1 }) });

    const error = await apiRequest('/api/things/1', { schema: ThingSchema }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('internal');
  });
});

describe('toQueryString', () => {
  it('drops empty values and keeps false and zero', () => {
    expect(toQueryString({ a: '', b: undefined, c: null, d: false, e: 0 })).toBe('?d=false&e=0');
    expect(toQueryString({})).toBe('');
  });
});

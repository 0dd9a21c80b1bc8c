import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { type Client, setupTestApp } from '../../test/app.js';
import { createSupplier, multipartBody } from '../../test/factories.js';
import {
  exampleOf,
  leafPaths,
  loadOperations,
  type Operation,
  STATE_CHANGING,
  urlOf,
  withValueAt,
} from '../../test/openapi.js';

/**
 * Walks every operation of /api/openapi.json as a signed-in administrator (with the CSRF header) and sends
 * hostile values in every path parameter, query parameter and body field, and hostile bodies: no answer may
 * be a 5xx, and every error uses the one error body. The list of operations comes from the document, so a
 * route added later is walked too.
 */

// No rate limit in the way: the walk sends thousands of requests.
const t = await setupTestApp({ rateLimitPerMinute: 1_000_000 });
const { doc, operations } = await loadOperations(t.app);
afterAll(() => t.close());

const admin = await t.login(t.orgA.admin);
// Real records, so that a hostile value that passes validation reaches the service and the database
// (a random id stops at 404 first). A collection not listed here walks with its first listed item.
const supplier = await createSupplier(admin, { name: 'Walked Supplier', externalRef: 'WALK-1' });
const published = (await admin.get('/api/policies')).json().items[0];
const draft = (await admin.post('/api/policies', { basedOn: published.id, name: 'Walked draft' })).json();
// A remediation task, so the task routes' hostile bodies reach the workflow (the test org has none).
const dueDate = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
const task = (
  await admin.post('/api/tasks', { supplierId: supplier.id, title: 'Walked task', severity: 'high', dueDate })
).json();
// A report of the register, so the report routes' hostile ids and downloads reach a real entry.
const report = (await admin.post('/api/reports', { kind: 'portfolio' })).json();
const REAL_IDS: Record<string, string> = {
  '/api/suppliers': supplier.id,
  '/api/policies': draft.id,
  '/api/tasks': task.id,
  '/api/reports': report.id,
};
// Deleting a draft ends it: its own draft, so the routes walked after it still reach a real one.
const doomed = (await admin.post('/api/policies', { basedOn: published.id, name: 'Walked delete' })).json();
const REAL_IDS_BY_OPERATION: Record<string, string> = { 'DELETE /api/policies/{id}': doomed.id };

const HOSTILE_STRINGS = [
  'a\u0000b',
  '\u0000',
  '\ud800x',
  'x\udc00',
  'bell\u0007',
  'esc\u001b[31m',
  'del\u007f',
  'c1\u009f',
  'x'.repeat(5000),
  '',
  '   ',
];
const HOSTILE_VALUES: unknown[] = [
  ...HOSTILE_STRINGS,
  -1,
  -1e308,
  1e308,
  2 ** 53 + 2,
  0.5,
  true,
  null,
  [],
  ['a\u0000b'],
  ['\ud800'],
  {},
  { a: '\u0000' },
];
/** Query values, already percent-encoded as a client would send them. */
const HOSTILE_QUERY = [
  '%00',
  'a%00b',
  '%07',
  '%7F',
  '%C2%9F',
  '%ED%A0%80', // a surrogate encoded as UTF-8: not valid UTF-8
  '%FF',
  '%',
  '%E0%A4%A',
  'x'.repeat(5000),
  '-1',
  '-99999999999999999999',
  '1e309',
  '99999999999999999999',
  'NaN',
  '0.5',
  '',
];
const HOSTILE_PATH = [
  '%00',
  'a%00b',
  '%ED%A0%80',
  '%FF',
  '%',
  '%E0%A4%A',
  'x'.repeat(5000),
  '-1',
  '0',
  '%2e%2e',
  'null',
  randomUUID(),
];

type Sent = {
  method: Operation['method'];
  url: string;
  payload?: string | Buffer;
  headers?: Record<string, string>;
};

/** A fresh session per operation: a walked logout or switch-org must not end the walk. */
const sessionFor = async (): Promise<Client> => t.login(t.orgA.admin);

const check = (res: LightMyRequestResponse, sent: Sent) => {
  const label = `${sent.method} ${sent.url.slice(0, 120)} ${String(sent.payload ?? '').slice(0, 120)}`;
  expect(res.statusCode, `${label} → ${res.statusCode} ${res.body.slice(0, 300)}`).toBeLessThan(500);
  expect(res.headers['x-request-id'], label).toEqual(expect.any(String));
  if (res.statusCode >= 400) {
    const body = res.json();
    expect(body, label).toEqual({
      error: expect.objectContaining({
        code: expect.any(String),
        message: expect.any(String),
        requestId: res.headers['x-request-id'],
      }),
    });
  }
};

/** The id of a real record behind `/api/<collection>/{id}`, when the collection lists one. */
const realIdFor = async (client: Client, op: Operation): Promise<string | undefined> => {
  const collection = op.path.split('/{')[0]!;
  if (!op.path.includes('{')) return undefined;
  const own = REAL_IDS_BY_OPERATION[`${op.method} ${op.path}`];
  if (own) return own;
  if (REAL_IDS[collection]) return REAL_IDS[collection];
  const res = await client.get(collection);
  if (res.statusCode !== 200) return undefined;
  const items = (res.json() as { items?: { id?: string }[] }).items;
  return items?.[0]?.id;
};

const pathValuesFor = async (client: Client, op: Operation) => {
  const values: Record<string, string> = {};
  for (const p of op.parameters.filter((p) => p.in === 'path')) {
    const real = p.name === 'id' ? await realIdFor(client, op) : undefined;
    values[p.name] = real ?? encodeURIComponent(String(exampleOf(doc, p.schema)));
  }
  return values;
};

const requestsFor = async (client: Client, op: Operation): Promise<Sent[]> => {
  const base = await pathValuesFor(client, op);
  const json = { 'content-type': 'application/json' };
  // A fresh example per request: unique e-mails, so a create is not refused as a duplicate first.
  const example = () => (op.body ? exampleOf(doc, op.body) : undefined);
  const withBody = (url: string, payload = example()): Sent => ({
    method: op.method,
    url,
    ...(payload === undefined ? {} : { payload: JSON.stringify(payload), headers: json }),
  });
  const sent: Sent[] = [withBody(urlOf(op, base))];
  for (const p of op.parameters.filter((p) => p.in === 'path')) {
    for (const v of HOSTILE_PATH) sent.push(withBody(urlOf(op, { ...base, [p.name]: v })));
  }
  for (const p of op.parameters.filter((p) => p.in === 'query')) {
    for (const v of HOSTILE_QUERY) sent.push(withBody(urlOf(op, base, `${p.name}=${v}`)));
    sent.push(withBody(urlOf(op, base, `${p.name}=a&${p.name}=b`)));
  }
  if (op.body) {
    for (const path of leafPaths(doc, op.body)) {
      for (const v of HOSTILE_VALUES)
        sent.push(withBody(urlOf(op, base), withValueAt(doc, op.body, example(), path, v)));
    }
  }
  if (op.body || STATE_CHANGING.has(op.method)) {
    const url = urlOf(op, base);
    for (const raw of [
      '',
      '{bad json',
      'null',
      '[]',
      '"text"',
      '123',
      'true',
      '{"__proto__":{"x":1}}',
      '['.repeat(10000),
    ]) {
      sent.push({ method: op.method, url, payload: raw, headers: json });
    }
    sent.push({ method: op.method, url });
    sent.push({ method: op.method, url, payload: 'plain text', headers: { 'content-type': 'text/plain' } });
    sent.push({ method: op.method, url, payload: '<x/>', headers: { 'content-type': 'application/xml' } });
    sent.push({ method: op.method, url, payload: 'x'.repeat(t.config.bodyLimitBytes + 1), headers: json });
    const upload = multipartBody('external_ref,name,country,tier\r\nW-1,a\u0000b,BD,1\r\n', 'a\u0007.csv');
    sent.push({ method: op.method, url, payload: upload.payload, headers: upload.headers });
    // Broken multipart bodies: the parser's own errors (no boundary, garbage, a body cut short) are 400s.
    const boundary = 'walkboundary';
    const multipart = { 'content-type': `multipart/form-data; boundary=${boundary}` };
    const cut = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nexternal_ref,na`;
    sent.push({ method: op.method, url, payload: cut, headers: multipart });
    sent.push({ method: op.method, url, payload: 'not multipart at all', headers: multipart });
    sent.push({ method: op.method, url, payload: 'x', headers: { 'content-type': 'multipart/form-data' } });
  }
  return sent;
};

describe('bad-input walk over every route of the OpenAPI document', () => {
  it('the document lists the routes to walk', () => {
    expect(operations.length).toBeGreaterThan(30);
  });

  it.each(operations.map((op) => [`${op.method} ${op.path}`, op] as const))(
    '%s answers no 5xx and the standard error body to hostile input',
    async (_, op) => {
      const client = await sessionFor();
      for (const sent of await requestsFor(client, op)) {
        const res = await client.request(sent.method, sent.url, sent.payload, sent.headers);
        check(res, sent);
      }
    },
    120_000,
  );
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, setupTestApp, type TestContext } from '../../test/app.js';
import {
  createSupplier,
  csv,
  issuePaths,
  rowCounts,
  scoringCounts,
  supplierInput,
  uploadCsv,
} from '../../test/factories.js';

/**
 * Regression tests for issue 7, defect 1: NUL and lone surrogates answered 500 (PostgreSQL refuses U+0000 in
 * text and an unpaired surrogate in JSON). Each example of the issue now answers 400 naming the field, and
 * nothing is written.
 */

let t: TestContext;
let admin: Client;
let supplierId: string;
let draftId: string;
beforeAll(async () => {
  t = await setupTestApp();
  admin = await t.login(t.orgA.admin);
  supplierId = (await createSupplier(admin, { externalRef: 'SAFE-1' })).id;
  const published = (await admin.get('/api/policies')).json().items[0];
  draftId = (await admin.post('/api/policies', { basedOn: published.id, name: 'Draft' })).json().id;
});
afterAll(() => t?.close());

const NUL = 'a\u0000b';
const LONE = '\ud800x';

const expectRefused = (res: { statusCode: number; body: string; json(): unknown }, path: string) => {
  expect(res.statusCode, res.body).toBe(400);
  expect(issuePaths(res as never)).toContain(path);
  const issue = (res.json() as { error: { issues: { path: string; message: string }[] } }).error.issues.find(
    (i) => i.path === path,
  );
  expect(issue?.message).toMatch(/control character|unpaired surrogate/);
};

describe('bodies', () => {
  it.each([
    ['name', { name: NUL }, 'name'],
    ['name (lone surrogate)', { name: LONE }, 'name'],
    ['goods', { goods: ['cotton', NUL] }, 'goods.1'],
    ['goods (lone surrogate)', { goods: [LONE] }, 'goods.0'],
    ['tags', { tags: [NUL] }, 'tags.0'],
    ['tags (lone surrogate)', { tags: ['ok', LONE] }, 'tags.1'],
    ['legalName', { legalName: 'x\u0007' }, 'legalName'],
    ['a contact name', { contacts: [{ name: LONE }] }, 'contacts.0.name'],
  ])('POST /api/suppliers refuses %s', async (_, overrides, path) => {
    const before = await scoringCounts(t);
    expectRefused(await admin.post('/api/suppliers', supplierInput(overrides)), path);
    expect(await scoringCounts(t)).toEqual(before);
  });

  it.each([
    ['name', { name: LONE }, 'name'],
    ['name (NUL)', { name: NUL }, 'name'],
    ['goods', { goods: [NUL] }, 'goods.0'],
    ['tags', { tags: [LONE] }, 'tags.0'],
  ])('PATCH /api/suppliers/:id refuses %s', async (_, body, path) => {
    const before = (await admin.get(`/api/suppliers/${supplierId}`)).json();
    expectRefused(await admin.patch(`/api/suppliers/${supplierId}`, body), path);
    expect((await admin.get(`/api/suppliers/${supplierId}`)).json()).toEqual(before);
  });

  it('user, API key and policy names', async () => {
    const before = await rowCounts(t);
    for (const name of [NUL, LONE]) {
      expectRefused(await admin.post('/api/users', { email: 'new@a.test', name, role: 'officer' }), 'name');
      expectRefused(await admin.post('/api/api-keys', { name, role: 'officer' }), 'name');
      expectRefused(await admin.patch(`/api/policies/${draftId}`, { name }), 'name');
      const published = (await admin.get('/api/policies')).json().items[0];
      expectRefused(await admin.post('/api/policies', { basedOn: published.id, name }), 'name');
    }
    expect(await rowCounts(t)).toEqual(before);
    expect((await admin.get(`/api/policies/${draftId}`)).json().name).toBe('Draft');
  });

  it('passwords and e-mails', async () => {
    expectRefused(
      await admin.post('/api/users', {
        email: 'new@a.test',
        name: 'New',
        role: 'officer',
        password: `Long-enough-${NUL}`,
      }),
      'password',
    );
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: `x${NUL}@a.test`, password: 'whatever' },
    });
    expectRefused(login, 'email');
  });

  it('keeps tab, line feed and text in every script', async () => {
    const res = await admin.post(
      '/api/suppliers',
      supplierInput({ name: 'Đông Á 東亞 🧵', legalName: 'Line\tone\nline two' }),
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ name: 'Đông Á 東亞 🧵', legalName: 'Line\tone\nline two' });
  });
});

describe('query strings', () => {
  it.each([
    ['/api/suppliers?q=%00', 'q'],
    ['/api/suppliers?tag=%00', 'tag'],
    ['/api/suppliers?good=a%07b', 'good'],
    ['/api/suppliers?country=%00A', 'country'],
    ['/api/suppliers/export.csv?q=%00', 'q'],
    ['/api/users?q=%00', 'q'],
    ['/api/audit-events?action=%00', 'action'],
    ['/api/audit-events?entityType=%00', 'entityType'],
    ['/api/audit-events?entityId=%1B', 'entityId'],
  ])('GET %s answers 400 naming %s', async (url, path) => {
    expectRefused(await admin.get(url), path);
  });
});

describe('CSV import', () => {
  const file = csv(
    [
      { external_ref: 'NUL-1', name: 'Fine Ltd', country: 'BD', tier: 1 },
      { external_ref: 'NUL-2', name: 'Bad\u0000Name Ltd', country: 'BD', tier: 1 },
      { external_ref: 'NUL-3', name: 'Fine Too', country: 'VN', tier: 1, parent_external_ref: 'P\u0000' },
    ],
    ['external_ref', 'name', 'country', 'tier', 'parent_external_ref'],
  );

  it('the preview names the row and column of a cell with a NUL byte', async () => {
    const res = await uploadCsv(admin, '/api/suppliers/import/preview', file);
    expect(res.statusCode, res.body).toBe(200);
    const preview = res.json();
    expect(preview.errors).toEqual([
      { row: 3, column: 'name', message: expect.stringMatching(/control character \(U\+0000\)/) },
      { row: 4, column: 'parent_external_ref', message: expect.stringMatching(/U\+0000/) },
    ]);
    // The refused cell is not echoed back.
    expect(preview.sample[1]).toMatchObject({ row: 3, action: 'error', externalRef: 'NUL-2', name: null });
  });

  it('the commit answers 422 with the same problems and writes nothing', async () => {
    const before = await scoringCounts(t);
    const res = await uploadCsv(admin, '/api/suppliers/import/commit', file);
    expect(res.statusCode, res.body).toBe(422);
    expect(issuePaths(res)).toEqual(['row 3: name', 'row 4: parent_external_ref']);
    expect(await scoringCounts(t)).toEqual(before);
  });

  it('a file name with a control character is refused before anything is read', async () => {
    const ok = csv([{ external_ref: 'FN-1', name: 'Fine', country: 'BD', tier: 1 }]);
    const res = await uploadCsv(admin, '/api/suppliers/import/commit', ok, 'sup\u0007pliers.csv');
    expect(res.statusCode, res.body).toBe(400);
    expect(issuePaths(res)).toEqual(['file']);
  });
});

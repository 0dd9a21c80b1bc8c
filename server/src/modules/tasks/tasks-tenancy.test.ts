import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { count } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, setupTestApp, type TestContext } from '../../../test/app.js';
import { auditOf, createSupplier, issuePaths, multipartBody, userIdOf } from '../../../test/factories.js';
import { exeBytes, pdfBytes } from '../../../test/files.js';
import { publishSampleTemplate, tokenOf } from '../../../test/questionnaires.js';
import { remediationTasks, taskComments, taskEvidenceFiles } from '../../db/schema/tasks.js';

// Every task route, staff and portal: another organisation's ids answer 404 (never 403, never a leak), and
// each parameter and body field refused with a 4xx naming it, writing nothing.

let t: TestContext;
let a: Client;
let b: Client;
let taskId: string;
let fileId: string;
let supplierA: string;
let tokenB: string;

const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
const counts = async () => ({
  tasks: (await t.owner.select({ n: count() }).from(remediationTasks))[0]!.n,
  comments: (await t.owner.select({ n: count() }).from(taskComments))[0]!.n,
  files: (await t.owner.select({ n: count() }).from(taskEvidenceFiles))[0]!.n,
  audit: (await auditOf(t, t.orgA.id)).length + (await auditOf(t, t.orgB.id)).length,
});
const upload = (client: Client | null, url: string) => {
  const { payload, headers } = multipartBody(pdfBytes(), 'proof.pdf');
  return client
    ? client.request('POST', url, payload, headers)
    : t.app.inject({ method: 'POST', url, payload, headers });
};

beforeAll(async () => {
  t = await setupTestApp({ storage: { driver: 'local', dir: fs.mkdtempSync('/tmp/cs-task-tenancy-') } });
  a = await t.login(t.orgA.officer);
  b = await t.login(t.orgB.admin);
  supplierA = (await createSupplier(a, { name: 'Tenant A Mill' })).id;
  const created = await a.post('/api/tasks', {
    supplierId: supplierA,
    title: 'A only',
    severity: 'high',
    dueDate: inDays(10),
    supplierVisible: true,
  });
  taskId = created.json().id;
  const up = await upload(a, `/api/tasks/${taskId}/evidence`);
  expect(up.statusCode, up.body).toBe(201);
  fileId = up.json().id;
  // Organisation B's own supplier link: it opens B's portal, never A's tasks.
  const templateId = await publishSampleTemplate(b);
  const sb = await createSupplier(b, { name: 'Tenant B Mill' });
  const sent = await b.post('/api/assignments', { templateId, supplierIds: [sb.id], dueDate: inDays(14) });
  tokenB = tokenOf(sent.json().items[0].portalUrl);
});
afterAll(() => t?.close());

describe('cross-tenant', () => {
  it('answers 404 on every route to another organisation, and changes nothing', async () => {
    const before = await counts();
    const calls: [string, Promise<{ statusCode: number; body: string }>][] = [
      ['get', b.get(`/api/tasks/${taskId}`)],
      ['patch', b.patch(`/api/tasks/${taskId}`, { title: 'Taken' })],
      ['transition', b.post(`/api/tasks/${taskId}/transition`, { to: 'in_progress' })],
      ['comment', b.post(`/api/tasks/${taskId}/comments`, { body: 'Hello' })],
      ['evidence', upload(b, `/api/tasks/${taskId}/evidence`)],
      ['download', b.get(`/api/tasks/${taskId}/evidence/${fileId}`)],
      ['bulk', b.post('/api/tasks/bulk', { ids: [taskId], dueDate: inDays(3) })],
      [
        'portal comment',
        t.app.inject({
          method: 'POST',
          url: `/api/portal/${tokenB}/tasks/${taskId}/comments`,
          payload: { body: 'x' },
        }),
      ],
      ['portal done', t.app.inject({ method: 'POST', url: `/api/portal/${tokenB}/tasks/${taskId}/done` })],
      ['portal evidence', upload(null, `/api/portal/${tokenB}/tasks/${taskId}/evidence`)],
    ];
    for (const [name, call] of calls) {
      const res = await call;
      expect(res.statusCode, `${name}: ${res.body}`).toBe(404);
      expect(res.body, name).not.toContain('A only');
    }
    // Lists: B sees none of A's; filtering by A's supplier or finding finds nothing.
    expect((await b.get('/api/tasks')).json().total).toBe(0);
    expect((await b.get(`/api/tasks?supplierId=${supplierA}`)).json().items).toEqual([]);
    const portalB = await t.app.inject({ method: 'GET', url: `/api/portal/${tokenB}/tasks` });
    expect(portalB.statusCode, portalB.body).toBe(200);
    expect(portalB.json().items).toEqual([]);
    // A's supplier, owner or finding named in B's create answer as unknown, with the field.
    const bySupplier = await b.post('/api/tasks', {
      supplierId: supplierA,
      title: 'x',
      severity: 'low',
      dueDate: inDays(1),
    });
    expect(bySupplier.statusCode).toBe(422);
    expect(issuePaths(bySupplier)).toEqual(['supplierId']);
    const byFinding = await b.post('/api/tasks', { findingId: randomUUID() });
    expect(byFinding.statusCode).toBe(422);
    expect(issuePaths(byFinding)).toEqual(['findingId']);
    const ownerA = await userIdOf(t, t.orgA.officer);
    const sb = await createSupplier(b, { name: 'B Owner Mill' });
    const byOwner = await b.post('/api/tasks', {
      supplierId: sb.id,
      title: 'x',
      severity: 'low',
      dueDate: inDays(1),
      ownerId: ownerA,
    });
    expect(byOwner.statusCode).toBe(422);
    expect(issuePaths(byOwner)).toEqual(['ownerId']);
    expect(byOwner.body).not.toContain('officer a');
    const after = await counts();
    expect({ ...after, audit: 0 }).toEqual({ ...before, audit: 0 });
  });
});

describe('bad input', () => {
  const walk: [string, () => Promise<LightMyRequestResponse>, string[]][] = [];
  const add = (name: string, call: () => Promise<LightMyRequestResponse>, paths: string[]) =>
    walk.push([name, call, paths]);
  add('list: limit', () => a.get('/api/tasks?limit=0'), ['limit']);
  add('list: offset', () => a.get('/api/tasks?offset=-1'), ['offset']);
  add('list: supplierId', () => a.get('/api/tasks?supplierId=nope'), ['supplierId']);
  add('list: findingId', () => a.get('/api/tasks?findingId=nope'), ['findingId']);
  add('list: severity', () => a.get('/api/tasks?severity=dire'), ['severity']);
  add('list: ownerId', () => a.get('/api/tasks?ownerId=nobody'), ['ownerId']);
  add('list: status', () => a.get('/api/tasks?status=done'), ['status']);
  add('list: overdue', () => a.get('/api/tasks?overdue=yes'), ['overdue']);
  add('get: id', () => a.get('/api/tasks/123'), ['id']);
  add('create: findingId', () => a.post('/api/tasks', { findingId: 'x' }), ['findingId']);
  add(
    'create: title',
    () =>
      a.post('/api/tasks', {
        supplierId: randomUUID(),
        title: 'a\u0000b',
        severity: 'low',
        dueDate: '2030-01-01',
      }),
    ['title'],
  );
  add(
    'create: long title',
    () =>
      a.post('/api/tasks', {
        supplierId: randomUUID(),
        title: 'x'.repeat(201),
        severity: 'low',
        dueDate: '2030-01-01',
      }),
    ['title'],
  );
  add(
    'create: description',
    () =>
      a.post('/api/tasks', {
        supplierId: randomUUID(),
        title: 't',
        description: 'x'.repeat(5001),
        severity: 'low',
        dueDate: '2030-01-01',
      }),
    ['description'],
  );
  add(
    'create: severity',
    () =>
      a.post('/api/tasks', { supplierId: randomUUID(), title: 't', severity: 'dire', dueDate: '2030-01-01' }),
    ['severity'],
  );
  add(
    'create: dueDate',
    () =>
      a.post('/api/tasks', { supplierId: randomUUID(), title: 't', severity: 'low', dueDate: '2030-13-01' }),
    ['dueDate'],
  );
  add(
    'create: ownerId',
    () =>
      a.post('/api/tasks', {
        supplierId: randomUUID(),
        title: 't',
        severity: 'low',
        dueDate: '2030-01-01',
        ownerId: 'me',
      }),
    ['ownerId'],
  );
  add(
    'create: supplierVisible',
    () =>
      a.post('/api/tasks', {
        supplierId: randomUUID(),
        title: 't',
        severity: 'low',
        dueDate: '2030-01-01',
        supplierVisible: 'yes',
      }),
    ['supplierVisible'],
  );
  add(
    'create: criterion',
    () =>
      a.post('/api/tasks', {
        supplierId: randomUUID(),
        title: 't',
        severity: 'low',
        dueDate: '2030-01-01',
        criterion: 'x'.repeat(65),
      }),
    ['criterion'],
  );
  add('patch: id', () => a.patch('/api/tasks/nope', { title: 'x' }), ['id']);
  add('patch: nothing', () => a.patch(`/api/tasks/${taskId}`, {}), ['body']);
  add('patch: title', () => a.patch(`/api/tasks/${taskId}`, { title: '' }), ['title']);
  add('patch: revision', () => a.patch(`/api/tasks/${taskId}`, { title: 'x', revision: 'one' }), [
    'revision',
  ]);
  add(
    'patch: if-match',
    () => a.request('PATCH', `/api/tasks/${taskId}`, { title: 'x' }, { 'if-match': 'W/"x"' }),
    ['if-match'],
  );
  add('patch: ownerId unknown', () => a.patch(`/api/tasks/${taskId}`, { ownerId: randomUUID() }), [
    'ownerId',
  ]);
  add('transition: to', () => a.post(`/api/tasks/${taskId}/transition`, { to: 'finished' }), ['to']);
  add(
    'transition: comment',
    () => a.post(`/api/tasks/${taskId}/transition`, { to: 'in_progress', comment: 'x'.repeat(5001) }),
    ['comment'],
  );
  add(
    'transition: riskAcceptedUntil',
    () =>
      a.post(`/api/tasks/${taskId}/transition`, {
        to: 'risk_accepted',
        justification: 'j',
        riskAcceptedUntil: 'soon',
      }),
    ['riskAcceptedUntil'],
  );
  add(
    'transition: justification',
    () => a.post(`/api/tasks/${taskId}/transition`, { to: 'risk_accepted', riskAcceptedUntil: inDays(5) }),
    ['justification'],
  );
  add('comment: body', () => a.post(`/api/tasks/${taskId}/comments`, { body: '' }), ['body']);
  add('comment: id', () => a.post('/api/tasks/x/comments', { body: 'hi' }), ['id']);
  add(
    'evidence: no file',
    () =>
      a.request('POST', `/api/tasks/${taskId}/evidence`, '--none--\r\n', {
        'content-type': 'multipart/form-data; boundary=none',
      }),
    ['file'],
  );
  add('evidence: an executable', () => {
    const { payload, headers } = multipartBody(exeBytes(), 'proof.pdf');
    return a.request('POST', `/api/tasks/${taskId}/evidence`, payload, headers);
  }, ['file']);
  add('download: fileId', () => a.get(`/api/tasks/${taskId}/evidence/x`), ['fileId']);
  add('bulk: ids', () => a.post('/api/tasks/bulk', { ids: [], ownerId: null }), ['ids']);
  add('bulk: ids item', () => a.post('/api/tasks/bulk', { ids: ['x'], ownerId: null }), ['ids.0']);
  add('bulk: nothing to set', () => a.post('/api/tasks/bulk', { ids: [taskId] }), ['body']);
  add('bulk: dueDate', () => a.post('/api/tasks/bulk', { ids: [taskId], dueDate: 'tomorrow' }), ['dueDate']);
  add('bulk: ownerId', () => a.post('/api/tasks/bulk', { ids: [taskId], ownerId: randomUUID() }), [
    'ownerId',
  ]);
  add('portal: id', () => t.app.inject({ method: 'POST', url: `/api/portal/${tokenB}/tasks/x/done` }), [
    'id',
  ]);
  add(
    'portal: body',
    () =>
      t.app.inject({
        method: 'POST',
        url: `/api/portal/${tokenB}/tasks/${taskId}/comments`,
        payload: { body: 5 },
      }),
    ['body'],
  );

  it.each(walk.map(([name, call, paths]) => ({ name, call, paths })))('$name', async ({ call, paths }) => {
    const before = await counts();
    const res = await call();
    expect(res.statusCode, res.body).toBeGreaterThanOrEqual(400);
    expect(res.statusCode, res.body).toBeLessThan(500);
    const named = issuePaths(res);
    for (const p of paths) expect(named, res.body).toContain(p);
    expect(await counts()).toEqual(before);
  });
});

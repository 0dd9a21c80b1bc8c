import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, setupTestApp, type TestContext } from '../../../test/app.js';
import { createApiKey, createSupplier, createTestOrg } from '../../../test/factories.js';

let t: TestContext;
let c: Client;
let supplierId: string;
beforeAll(async () => {
  t = await setupTestApp();
  const org = await createTestOrg(t, 'names');
  c = await t.login(org.admin);
  supplierId = (
    await createSupplier(c, { name: '=HYPERLINK("http://x.test","Knit")', contacts: [{ name: 'Ann' }] })
  ).id;
  await createSupplier(c, { name: 'Aral Cotton' });
  await createApiKey(c, 'officer', 'Nightly sync');
});
afterAll(() => t?.close());

const rowsOf = (body: string) =>
  parse(body.replace(/^\uFEFF/, ''), { columns: true }) as Record<string, string>[];

describe('entity names in the list', () => {
  it('each event names its entity as it is called now, and the list filters by that name', async () => {
    const items = (await c.get('/api/audit-events?limit=200')).json().items;
    const label = (type: string) =>
      items.find((e: { entityType: string }) => e.entityType === type)?.entityLabel;
    expect(label('api_key')).toBe('Nightly sync');
    expect(label('organization')).toBe('Org NAMES');
    expect(label('session')).toBe('admin@names.test');

    // Creating a supplier assesses it at once; the assessment is named after its supplier too.
    const found = (await c.get('/api/audit-events?entity=aral')).json();
    expect(found.total).toBe(2);
    expect(found.items.map((e: { action: string }) => e.action).sort()).toEqual([
      'assessment.created',
      'supplier.created',
    ]);
    for (const e of found.items) expect(e.entityLabel).toBe('Aral Cotton');
    // LIKE wildcards are text, not patterns.
    expect((await c.get('/api/audit-events?entity=%25')).json().total).toBe(0);
  });

  it('names users, policies and assessments (after their supplier) from the modules that own them', async () => {
    const aral = (await c.get('/api/suppliers?q=Aral')).json().items[0];
    const assessed = await c.post(`/api/suppliers/${aral.id}/assess`);
    expect(assessed.statusCode, assessed.body).toBe(201);
    const items = (await c.get('/api/audit-events?limit=200')).json().items as {
      action: string;
      entityLabel: string | null;
    }[];
    const label = (action: string) => items.find((e) => e.action === action)?.entityLabel;
    expect(label('assessment.created')).toBe('Aral Cotton');
    expect(items.filter((e) => e.action === 'user.created').map((e) => e.entityLabel)).toContain(
      'admin names',
    );
    const policy = (await c.get('/api/policies')).json().items[0];
    expect(label('policy.published')).toBe(policy.name);
  });

  it("another organisation's entity never lends its name", async () => {
    const b = await t.login(t.orgB.admin);
    expect((await b.get('/api/audit-events?entity=Aral')).json().total).toBe(0);
  });
});

describe('GET /api/audit-events/export.csv', () => {
  it('exports the filtered list with a summary per event, formula cells neutralised', async () => {
    const res = await c.get(`/api/audit-events/export.csv?entityId=${supplierId}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/csv/);
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="audit-log-/);
    const rows = rowsOf(res.body);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      action: 'supplier.created',
      entity_type: 'supplier',
      entity: `'=HYPERLINK("http://x.test","Knit")`,
      entity_id: supplierId,
    });
    expect(rows[0]!.summary).toMatch(/^'?"=HYPERLINK.*created, 1 contact$/);
    expect(rows[0]!.time_utc).toMatch(/Z$/);
    expect(JSON.parse(rows[0]!.payload_json!).supplier.contacts).toEqual([{ name: 'Ann' }]);
  });

  it('exports every matching event in the chosen order, and only this organisation', async () => {
    const all = (await c.get('/api/audit-events?limit=200&order=asc')).json();
    const rows = rowsOf((await c.get('/api/audit-events/export.csv?order=asc')).body);
    expect(rows.map((r) => Number(r.seq))).toEqual(all.items.map((e: { seq: number }) => e.seq));
    const b = await t.login(t.orgB.admin);
    const bRows = rowsOf((await b.get('/api/audit-events/export.csv')).body);
    expect(bRows.map((r) => r.entity_id)).not.toContain(supplierId);
  });

  it('refuses executives and bad filters', async () => {
    const exec = await t.login(t.orgA.executive);
    expect((await exec.get('/api/audit-events/export.csv')).statusCode).toBe(403);
    const res = await c.get('/api/audit-events/export.csv?from=yesterday');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.issues[0].path).toBe('from');
  });
});

describe('the OpenAPI document', () => {
  it('describes the event payloads per action', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const text = JSON.stringify(doc.paths['/api/audit-events'].get.responses['200']);
    for (const action of ['supplier.created', 'audit.personal_data_erased', 'job.finished']) {
      expect(text).toContain(`"${action}"`);
    }
    expect(doc.paths['/api/audit-events/erasures'].post).toBeDefined();
    expect(doc.paths['/api/audit-events/checkpoints'].get).toBeDefined();
  });
});

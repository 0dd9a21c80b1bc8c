import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  SUPPLIER_CSV_COLUMNS,
  SUPPLIER_CSV_EXPORT_ONLY_COLUMNS,
  type Supplier,
} from '#shared/schemas/suppliers.js';
import { type Client, setupTestApp, type TestContext } from '../../../test/app.js';
import { auditOf, createSupplier, scoringCounts, uploadCsv } from '../../../test/factories.js';

let t: TestContext;
let officer: Client;
let executive: Client;
let dhaka: Supplier;
const FORMULA = '=HYPERLINK("http://x","click")';

beforeAll(async () => {
  t = await setupTestApp();
  officer = await t.login(t.orgA.officer);
  executive = await t.login(t.orgA.executive);
  const template = (await officer.get('/api/suppliers/import/template.csv')).rawPayload;
  const imported = await uploadCsv(officer, '/api/suppliers/import/commit', template);
  expect(imported.statusCode, imported.body).toBe(200);
  await createSupplier(officer, { name: FORMULA, externalRef: 'F-1', country: 'GB', goods: ['packaging'] });
  await createSupplier(officer, {
    name: 'Zeta GmbH',
    externalRef: 'Z-1',
    country: 'DE',
    goods: ['machinery parts'],
    tags: ['eu'],
    annualSpend: 1250.5,
    headcount: 80,
    migrantWorkerShare: 12.5,
  });
  const gone = await createSupplier(officer, { name: 'Archived Ltd', externalRef: 'A-1' });
  await officer.delete(`/api/suppliers/${gone.id}`);
  dhaka = (await officer.get('/api/suppliers?q=V-10001')).json().items[0];
  expect((await officer.post(`/api/suppliers/${dhaka.id}/assess`)).statusCode).toBe(201);
});
afterAll(() => t?.close());

const exportCsv = async (query = '', client = executive) => {
  const res = await client.get(`/api/suppliers/export.csv${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res;
};
const records = (body: string) => parse(body, { columns: true, bom: true }) as Record<string, string>[];

describe('GET /api/suppliers/export.csv', () => {
  it('downloads the current register as a CSV attachment, with the read-only risk columns', async () => {
    const res = await exportCsv();
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="suppliers-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const header = res.body.replace(/^\uFEFF/, '').split(/\r?\n/)[0];
    expect(header).toBe([...SUPPLIER_CSV_COLUMNS, ...SUPPLIER_CSV_EXPORT_ONLY_COLUMNS].join(','));
    const rows = records(res.body);
    expect(rows.map((r) => r.external_ref).sort()).toEqual(['F-1', 'V-10001', 'V-10002', 'Z-1']);
    const d = rows.find((r) => r.external_ref === 'V-10001')!;
    expect(d).toMatchObject({
      country: 'BD',
      goods: 'garments;textiles',
      tags: 'strategic;apparel',
      policy_version: '1',
    });
    expect(d.rating).toMatch(/^(low|medium|high|critical)$/);
    expect(Number(d.residual_score)).toBe(
      (await officer.get(`/api/suppliers/${dhaka.id}`)).json().risk.residualScore,
    );
    // Imported and created suppliers are assessed at once (ratings never go stale), so every row has one.
    expect(rows.find((r) => r.external_ref === 'V-10002')).toMatchObject({ parent_external_ref: 'V-10001' });
    for (const r of rows.filter((row) => row.external_ref !== 'A-1')) {
      expect(r.rating).toMatch(/^(low|medium|high|critical)$/);
    }
    expect(rows.find((r) => r.external_ref === 'Z-1')).toMatchObject({
      annual_spend: '1250.5',
      migrant_worker_share: '12.5',
    });
  });

  it.each([
    ['country=de', ['Z-1']],
    ['tag=eu', ['Z-1']],
    ['good=Cotton%20lint', ['V-10002']],
    ['q=knitwear', ['V-10001']],
    ['archived=true', ['A-1']],
    // Every live supplier was assessed when it was created or imported; the archived one was too.
    ['rating=none', []],
  ])('exports only the rows matching %s', async (query, refs) => {
    const rows = records((await exportCsv(`?${query}`)).body);
    expect(rows.map((r) => r.external_ref).sort()).toEqual(refs);
  });

  it('neutralises cells a spreadsheet would run as formulas', async () => {
    const rows = records((await exportCsv()).body);
    expect(rows.find((r) => r.external_ref === 'F-1')!.name).toBe(`'${FORMULA}`);
    for (const r of rows) for (const cell of Object.values(r)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('refuses a bad filter with 400', async () => {
    expect((await executive.get('/api/suppliers/export.csv?rating=severe')).statusCode).toBe(400);
  });
});

describe('an export re-imported', () => {
  it('previews with no errors, everything unchanged, and commits without a supplier event', async () => {
    const bytes = (await exportCsv('', officer)).rawPayload;
    const before = await scoringCounts(t);
    const preview = await uploadCsv(officer, '/api/suppliers/import/preview', bytes, 'export.csv');
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json()).toMatchObject({ rows: 4, errorCount: 0, create: 0, update: 0, unchanged: 4 });
    const events = (await auditOf(t, t.orgA.id)).length;
    const commit = await uploadCsv(officer, '/api/suppliers/import/commit', bytes, 'export.csv');
    expect(commit.statusCode, commit.body).toBe(200);
    expect(commit.json()).toMatchObject({ created: 0, updated: 0, unchanged: 4 });
    const added = (await auditOf(t, t.orgA.id)).slice(events).map((e) => e.action);
    expect(added).toEqual(['supplier.import_committed']);
    expect((await scoringCounts(t)).suppliers).toBe(before.suppliers);
  });
});

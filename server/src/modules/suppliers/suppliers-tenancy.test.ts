import { parse } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RATINGS, SUPPLIER_FILTER_KEYS, type Supplier } from '#shared/schemas/suppliers.js';
import { type Client, setupTestApp, type TestContext } from '../../../test/app.js';
import { auditOf, createSupplier, csv, scoringCounts, uploadCsv } from '../../../test/factories.js';

// Organisation B, through every door of the register (list, export, import), never reaches A's suppliers:
// each of A's suppliers matches the filters tried, so a filter that forgot the tenant would show it.

let t: TestContext;
let officerA: Client;
let executiveA: Client;
let officerB: Client;
let executiveB: Client;
const a: Record<string, Supplier> = {};
let ownB: Supplier;

beforeAll(async () => {
  t = await setupTestApp();
  officerA = await t.login(t.orgA.officer);
  executiveA = await t.login(t.orgA.executive);
  officerB = await t.login(t.orgB.officer);
  executiveB = await t.login(t.orgB.executive);
  const leak = {
    legalName: 'Leak Holdings',
    country: 'TM',
    goods: ['cotton'],
    tier: 3,
    tags: ['secret-tag'],
  };
  a.assessed = await createSupplier(officerA, {
    ...leak,
    name: 'Alpha Assessed',
    externalRef: 'A-ONLY',
    status: 'suspended',
  });
  a.old = await createSupplier(officerA, {
    ...leak,
    name: 'Alpha Old',
    externalRef: 'A-OLD',
    status: 'active',
  });
  a.never = await createSupplier(officerA, { ...leak, name: 'Alpha Never', externalRef: 'A-NEVER' });
  a.archived = await createSupplier(officerA, { ...leak, name: 'Alpha Archived', externalRef: 'A-GONE' });
  for (const s of [a.assessed, a.old])
    expect((await officerA.post(`/api/suppliers/${s.id}/assess`)).statusCode).toBe(201);
  expect((await officerA.delete(`/api/suppliers/${a.archived.id}`)).statusCode).toBe(200);
  await t.owner.execute(
    sql`update suppliers set assessed_at = now() - interval '2 years' where id = ${a.old.id}`,
  );
  // An open red flag on A's assessed supplier, so that the redFlags filter matches one of A's.
  await t.owner.execute(
    sql`insert into findings (org_id, supplier_id, assessment_id, kind, key, title, detail, severity, citation)
        values (${t.orgA.id}, ${a.assessed.id}, gen_random_uuid(), 'red_flag', 'identity_documents_retained',
          'Identity documents retained', 'x', 'critical', 'ILO')`,
  );
  ownB = await createSupplier(officerB, { name: 'Bravo Own', externalRef: 'B-1', country: 'BD' });
});
afterAll(() => t?.close());

const aIds = () => Object.values(a).map((s) => s.id);
const aRefs = () => Object.values(a).map((s) => s.externalRef!);

/** Every filter of the register, each with values that A's suppliers match (the type makes it complete). */
const FILTERS: Record<(typeof SUPPLIER_FILTER_KEYS)[number], string[]> = {
  q: ['Alpha', 'Leak Holdings', 'A-ONLY'],
  country: ['TM'],
  good: ['cotton'],
  tier: ['3'],
  rating: [...RATINGS, 'none'],
  status: ['suspended', 'active', 'onboarding'],
  tag: ['secret-tag'],
  chainRating: ['low', 'high,critical'],
  minChainRisk: ['0'],
  assessedBeforeMonths: ['12'],
  unassessed: ['true', 'false'],
  redFlags: ['open'],
  archived: ['true', 'false'],
};
const CASES = Object.entries(FILTERS).flatMap(([key, values]) =>
  values.map((v) => `${key}=${encodeURIComponent(v)}`),
);

describe("another organisation's suppliers", () => {
  it('are matched by every filter tried, for their own organisation', async () => {
    expect(Object.keys(FILTERS).sort()).toEqual([...SUPPLIER_FILTER_KEYS].sort());
    for (const [key, values] of Object.entries(FILTERS)) {
      const seen = new Set<string>();
      for (const v of values) {
        const page = (
          await executiveA.get(`/api/suppliers?${key}=${encodeURIComponent(v)}&limit=200`)
        ).json();
        for (const s of page.items as Supplier[]) seen.add(s.id);
      }
      expect(aIds().filter((id) => seen.has(id)).length, `filter ${key}`).toBeGreaterThan(0);
    }
  });

  it.each(CASES)('never appear in the list for ?%s (nor in its total)', async (query) => {
    for (const sort of ['name', 'rating', 'residualScore']) {
      const res = await executiveB.get(`/api/suppliers?${query}&sort=${sort}&limit=200`);
      expect(res.statusCode, res.body).toBe(200);
      const page = res.json() as { items: Supplier[]; total: number };
      expect(page.items.map((s) => s.id).filter((id) => aIds().includes(id))).toEqual([]);
      expect(page.total).toBe(page.items.length);
      expect(page.items.every((s) => s.id === ownB.id)).toBe(true);
    }
  });

  it.each(CASES)('never appear in the CSV export for ?%s', async (query) => {
    const res = await executiveB.get(`/api/suppliers/export.csv?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    const rows = parse(res.body, { columns: true, bom: true }) as Record<string, string>[];
    expect(rows.map((r) => r.external_ref).filter((ref) => aRefs().includes(ref!))).toEqual([]);
    expect(res.body).not.toContain('Alpha');
  });

  it('are not found by id: 404 for the record, its tree, history and assessment', async () => {
    for (const url of ['', '/tree', '/assessments']) {
      expect((await executiveB.get(`/api/suppliers/${a.assessed!.id}${url}`)).statusCode).toBe(404);
    }
    expect((await officerB.post(`/api/suppliers/${a.assessed!.id}/assess`)).statusCode).toBe(404);
  });
});

describe("import with another organisation's references", () => {
  const COLUMNS = ['external_ref', 'name', 'country', 'tier', 'parent_external_ref'];
  const row = (ref: string, parent = '') => ({
    external_ref: ref,
    name: `B ${ref}`,
    country: 'BD',
    // Below a parent the tier is derived from it (left empty).
    tier: parent ? '' : '2',
    parent_external_ref: parent,
  });
  const parentCases = [
    ['external reference', () => a.assessed!.externalRef!],
    ['id', () => a.assessed!.id],
    ['archived supplier’s reference', () => a.archived!.externalRef!],
  ] as const;

  it.each(parentCases)(
    "preview: a parent named by A's %s is not found in B's register",
    async (_label, parentOf) => {
      const res = await uploadCsv(
        officerB,
        '/api/suppliers/import/preview',
        csv([row('B-2', parentOf())], COLUMNS),
      );
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({
        create: 0,
        errorCount: 1,
        errors: [
          {
            row: 2,
            column: 'parent_external_ref',
            message: `No supplier with external_ref "${parentOf()}" in the register or in this file`,
          },
        ],
      });
    },
  );

  it.each(parentCases)(
    "commit: a parent named by A's %s refuses the file (422), writing nothing",
    async (_label, parentOf) => {
      const before = await scoringCounts(t);
      const res = await uploadCsv(
        officerB,
        '/api/suppliers/import/commit',
        csv([row('B-2', parentOf())], COLUMNS),
      );
      expect(res.statusCode, res.body).toBe(422);
      expect(res.json().error.issues).toEqual([
        {
          path: 'row 2: parent_external_ref',
          message: `No supplier with external_ref "${parentOf()}" in the register or in this file`,
        },
      ]);
      expect(await scoringCounts(t)).toEqual(before);
    },
  );

  it("a row with A's external reference creates B's own supplier and leaves A's untouched", async () => {
    const file = csv([row(a.assessed!.externalRef!), row('B-3', a.assessed!.externalRef!)], COLUMNS);
    const preview = (await uploadCsv(officerB, '/api/suppliers/import/preview', file)).json();
    expect(preview).toMatchObject({ create: 2, update: 0, unchanged: 0, errorCount: 0 });
    const eventsA = (await auditOf(t, t.orgA.id)).length;
    const res = await uploadCsv(officerB, '/api/suppliers/import/commit', file);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ created: 2, updated: 0 });

    const inB = (await executiveB.get('/api/suppliers?q=A-ONLY')).json().items as Supplier[];
    expect(inB.map((s) => s.name)).toEqual([`B ${a.assessed!.externalRef}`]);
    const child = (await executiveB.get('/api/suppliers?q=B-3')).json().items[0] as Supplier;
    expect(child.parentId).toBe(inB[0]!.id);
    expect((await executiveA.get(`/api/suppliers/${a.assessed!.id}`)).json()).toMatchObject({
      name: 'Alpha Assessed',
      tier: 3,
      revision: a.assessed!.revision,
    });
    expect((await auditOf(t, t.orgA.id)).length).toBe(eventsA);
  });
});

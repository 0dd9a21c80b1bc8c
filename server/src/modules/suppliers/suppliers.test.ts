import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Supplier } from '#shared/schemas/suppliers.js';
import { type Client, setupTestApp, type TestContext } from '../../../test/app.js';
import {
  auditOf,
  createSupplier,
  issuePaths,
  rowCounts,
  scoringCounts,
  supplierInput,
} from '../../../test/factories.js';

let t: TestContext;
let officer: Client;
let executive: Client;
let officerB: Client;

beforeAll(async () => {
  t = await setupTestApp();
  officer = await t.login(t.orgA.officer);
  executive = await t.login(t.orgA.executive);
  officerB = await t.login(t.orgB.officer);
});
afterAll(() => t?.close());

const eventsFor = async (id: string) => (await auditOf(t, t.orgA.id)).filter((e) => e.entityId === id);

describe('POST /api/suppliers', () => {
  it('creates a supplier (201) whose every field round-trips through GET', async () => {
    const body = {
      name: ' Ahal Cotton Ginnery ',
      legalName: 'Ahal Cotton Ginnery LLC',
      country: 'tm',
      goods: ['cotton lint', 'garments'],
      sector: 'Agriculture',
      tier: 2,
      annualSpend: 1250000.5,
      currency: 'eur',
      headcount: 1850,
      migrantWorkerShare: 12.5,
      agencyWorkerShare: 3,
      status: 'active',
      externalRef: 'V-RT-1',
      tags: ['strategic', 'raw-material'],
      contacts: [{ name: 'Rahim Chowdhury', email: 'rahim@ginnery.example', phone: '+993 12 345' }],
    };
    const res = await officer.post('/api/suppliers', body);
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({
      ...body,
      name: 'Ahal Cotton Ginnery',
      country: 'TM',
      currency: 'EUR',
      parentId: null,
      archivedAt: null,
    });
    // Assessed as it was added (a policy is published): never "Not assessed".
    expect(created.risk).toMatchObject({ policyVersion: 1, rating: expect.any(String) });
    const got = await officer.get(`/api/suppliers/${created.id}`);
    expect(got.statusCode).toBe(200);
    expect(got.json()).toEqual(created);
    const events = await eventsFor(created.id);
    expect(events.map((e) => e.action)).toEqual(['supplier.created']);
    expect(events[0]!.payload).toMatchObject({ supplier: { name: 'Ahal Cotton Ginnery', country: 'TM' } });
  });

  it('fills the defaults and stores blank optional text as null', async () => {
    const res = await officer.post('/api/suppliers', { name: 'Minimal', country: 'DE', tier: 1, sector: '' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      goods: [],
      tags: [],
      contacts: [],
      currency: 'USD',
      status: 'onboarding',
      sector: null,
      legalName: null,
      externalRef: null,
      annualSpend: null,
    });
  });

  it('refuses a duplicate externalRef with 409 naming externalRef, on create and on change', async () => {
    await createSupplier(officer, { externalRef: 'V-DUP' });
    const other = await createSupplier(officer, { externalRef: 'V-DUP-2' });
    const before = await scoringCounts(t);
    const dup = await officer.post('/api/suppliers', supplierInput({ externalRef: 'V-DUP' }));
    expect(dup.statusCode, dup.body).toBe(409);
    expect(issuePaths(dup)).toEqual(['externalRef']);
    const patched = await officer.patch(`/api/suppliers/${other.id}`, { externalRef: 'V-DUP' });
    expect(patched.statusCode, patched.body).toBe(409);
    expect(issuePaths(patched)).toEqual(['externalRef']);
    expect(await scoringCounts(t)).toEqual(before);
    // The same reference in another organisation is no conflict.
    expect((await officerB.post('/api/suppliers', supplierInput({ externalRef: 'V-DUP' }))).statusCode).toBe(
      201,
    );
  });
});

describe('PATCH /api/suppliers/:id', () => {
  it('changes only the fields sent and audits one supplier.updated event with from/to', async () => {
    const s = await createSupplier(officer, { name: 'Old Name', tags: ['strategic'], goods: ['cotton'] });
    const res = await officer.patch(`/api/suppliers/${s.id}`, { name: 'New Name' });
    expect(res.statusCode, res.body).toBe(200);
    const { updatedAt: _a, ...after } = res.json();
    const { updatedAt: _b, ...before } = s;
    expect(after).toEqual({ ...before, name: 'New Name', revision: 2 });
    const updates = (await eventsFor(s.id)).filter((e) => e.action === 'supplier.updated');
    expect(updates).toHaveLength(1);
    expect(updates[0]!.payload).toEqual({ changes: { name: { from: 'Old Name', to: 'New Name' } } });
  });

  it('writes no event when nothing changes', async () => {
    const s = await createSupplier(officer, { name: 'Same', tags: ['a', 'b'] });
    const before = await scoringCounts(t);
    const res = await officer.patch(`/api/suppliers/${s.id}`, { name: 'Same', tags: ['a', 'b'], tier: 1 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual(s);
    expect(await scoringCounts(t)).toEqual(before);
  });
});

describe('DELETE /api/suppliers/:id', () => {
  it('archives: archivedAt set, gone from the default list, listed with archived=true', async () => {
    const s = await createSupplier(officer, { name: 'To Archive Co' });
    const res = await officer.delete(`/api/suppliers/${s.id}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().archivedAt).toEqual(expect.any(String));
    expect((await officer.get(`/api/suppliers/${s.id}`)).json().archivedAt).toBe(res.json().archivedAt);
    const ids = async (q: string) =>
      (await officer.get(`/api/suppliers?q=To%20Archive&${q}`)).json().items.map((i: { id: string }) => i.id);
    expect(await ids('')).toEqual([]);
    expect(await ids('archived=true')).toEqual([s.id]);
    expect((await eventsFor(s.id)).map((e) => e.action)).toEqual(['supplier.created', 'supplier.archived']);
  });

  it('restores an archived supplier (POST /restore): back in the list, audited once; executives 403', async () => {
    const s = await createSupplier(officer, { name: 'Come Back Co' });
    await officer.delete(`/api/suppliers/${s.id}`);
    expect((await executive.post(`/api/suppliers/${s.id}/restore`)).statusCode).toBe(403);
    const res = await officer.post(`/api/suppliers/${s.id}/restore`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().archivedAt).toBeNull();
    expect((await officer.post(`/api/suppliers/${s.id}/restore`)).statusCode).toBe(200);
    const listed = (await officer.get('/api/suppliers?q=Come%20Back'))
      .json()
      .items.map((i: { id: string }) => i.id);
    expect(listed).toEqual([s.id]);
    expect((await eventsFor(s.id)).map((e) => e.action)).toEqual([
      'supplier.created',
      'supplier.archived',
      'supplier.restored',
    ]);
    expect((await officerB.post(`/api/suppliers/${s.id}/restore`)).statusCode).toBe(404);
    expect((await officer.post('/api/suppliers/not-a-uuid/restore')).statusCode).toBe(400);
  });
});

describe('the supply-chain tree', () => {
  it('answers the nested children (archived ones left out)', async () => {
    const root = await createSupplier(officer, { name: 'Root Brand' });
    const b = await createSupplier(officer, { name: 'B Mill', tier: 2, parentId: root.id });
    const a = await createSupplier(officer, { name: 'A Mill', tier: 2, parentId: root.id });
    const g = await createSupplier(officer, { name: 'Ginnery', tier: 3, parentId: a.id, country: 'TM' });
    const gone = await createSupplier(officer, { name: 'Gone Mill', tier: 2, parentId: root.id });
    await officer.delete(`/api/suppliers/${gone.id}`);
    const res = await executive.get(`/api/suppliers/${root.id}/tree`);
    expect(res.statusCode, res.body).toBe(200);
    const node = (
      s: { id: string; name: string; country: string; tier: number; risk: Supplier['risk'] },
      children: unknown[] = [],
    ) => ({
      id: s.id,
      name: s.name,
      country: s.country,
      tier: s.tier,
      rating: s.risk?.rating ?? null,
      moreBelow: false,
      children,
    });
    expect(res.json()).toEqual(node(root, [node(a, [node(g)]), node(b)]));
  });

  it('refuses a parent that would make a cycle, or the supplier itself, with 422', async () => {
    const top = await createSupplier(officer, { name: 'Top' });
    const mid = await createSupplier(officer, { name: 'Mid', parentId: top.id });
    const low = await createSupplier(officer, { name: 'Low', parentId: mid.id });
    for (const parentId of [low.id, mid.id, top.id]) {
      const res = await officer.patch(`/api/suppliers/${top.id}`, { parentId });
      expect(res.statusCode, res.body).toBe(422);
      expect(issuePaths(res)).toEqual(['parentId']);
    }
    expect((await officer.get(`/api/suppliers/${top.id}`)).json().parentId).toBeNull();
  });

  it("refuses another organisation's supplier as parent with 422, revealing nothing of it", async () => {
    const theirs = await createSupplier(officerB, { name: 'Secret B Supplier' });
    const mine = await createSupplier(officer, { name: 'Mine' });
    for (const res of [
      await officer.post('/api/suppliers', supplierInput({ parentId: theirs.id })),
      await officer.patch(`/api/suppliers/${mine.id}`, { parentId: theirs.id }),
    ]) {
      expect(res.statusCode, res.body).toBe(422);
      expect(issuePaths(res)).toEqual(['parentId']);
      expect(res.body).not.toContain('Secret B Supplier');
    }
  });
});

describe('roles', () => {
  it('an executive can read but not add, change or archive (403)', async () => {
    const s = await createSupplier(officer, { name: 'Read Only Co' });
    const before = await scoringCounts(t);
    expect((await executive.post('/api/suppliers', supplierInput())).statusCode).toBe(403);
    expect((await executive.patch(`/api/suppliers/${s.id}`, { name: 'X' })).statusCode).toBe(403);
    expect((await executive.delete(`/api/suppliers/${s.id}`)).statusCode).toBe(403);
    expect(await scoringCounts(t)).toEqual(before);
    expect((await executive.get(`/api/suppliers/${s.id}`)).statusCode).toBe(200);
    expect((await executive.get('/api/suppliers')).statusCode).toBe(200);
    expect((await executive.get(`/api/suppliers/${s.id}/tree`)).statusCode).toBe(200);
  });
});

describe('tenant isolation', () => {
  it("answers 404 for org B's supplier and never lists or exports it", async () => {
    const theirs = await createSupplier(officerB, { name: 'Zebra Hidden B', externalRef: 'B-ONLY' });
    const adminA = await t.login(t.orgA.admin);
    const before = await scoringCounts(t);
    for (const res of [
      await adminA.get(`/api/suppliers/${theirs.id}`),
      await adminA.patch(`/api/suppliers/${theirs.id}`, { name: 'Taken over' }),
      await adminA.delete(`/api/suppliers/${theirs.id}`),
      await adminA.get(`/api/suppliers/${theirs.id}/tree`),
      await adminA.get(`/api/suppliers/${theirs.id}/assessments`),
      await adminA.post(`/api/suppliers/${theirs.id}/assess`),
    ]) {
      expect(res.statusCode, res.body).toBe(404);
      expect(res.body).not.toContain('Zebra Hidden B');
    }
    expect(await scoringCounts(t)).toEqual(before);
    expect((await officerB.get(`/api/suppliers/${theirs.id}`)).json()).toEqual(theirs);
    const list = await adminA.get('/api/suppliers?limit=200');
    expect(list.json().items.some((s: { id: string }) => s.id === theirs.id)).toBe(false);
    expect((await adminA.get('/api/suppliers?q=Zebra')).json().total).toBe(0);
    const exported = await adminA.get('/api/suppliers/export.csv');
    expect(exported.statusCode).toBe(200);
    expect(exported.body).not.toContain('Zebra Hidden B');
    expect(exported.body).not.toContain('B-ONLY');
  });
});

describe('bad input', () => {
  it.each([
    ['an unknown country code', { country: 'ZZ' }, 'country'],
    ['a country name instead of its code', { country: 'Bangladesh' }, 'country'],
    ['tier 0', { tier: 0 }, 'tier'],
    ['a tier that is not a number', { tier: 'x' }, 'tier'],
    ['a migrant share above 100', { migrantWorkerShare: 120 }, 'migrantWorkerShare'],
    ['a 201-character name', { name: 'n'.repeat(201) }, 'name'],
    ['21 goods', { goods: Array.from({ length: 21 }, (_, i) => `good ${i}`) }, 'goods'],
    ['an invalid contact e-mail', { contacts: [{ name: 'A', email: 'not-an-email' }] }, 'contacts.0.email'],
    ['a parentId that is not a uuid', { parentId: 'nope' }, 'parentId'],
  ])('refuses %s with 400 naming %s, writing nothing', async (_label, overrides, path) => {
    const s = await createSupplier(officer, { name: `Valid ${path}` });
    const before = { ...(await scoringCounts(t)), ...(await rowCounts(t)) };
    const created = await officer.post('/api/suppliers', supplierInput(overrides));
    expect(created.statusCode, created.body).toBe(400);
    expect(issuePaths(created)).toContain(path);
    const patched = await officer.patch(`/api/suppliers/${s.id}`, overrides);
    expect(patched.statusCode, patched.body).toBe(400);
    expect(issuePaths(patched)).toContain(path);
    expect({ ...(await scoringCounts(t)), ...(await rowCounts(t)) }).toEqual(before);
    expect((await officer.get(`/api/suppliers/${s.id}`)).json()).toEqual(s);
  });

  it('refuses an id that is not a uuid with 400', async () => {
    for (const res of [
      await officer.get('/api/suppliers/not-a-uuid'),
      await officer.patch('/api/suppliers/not-a-uuid', { name: 'X' }),
      await officer.delete('/api/suppliers/not-a-uuid'),
      await officer.get('/api/suppliers/not-a-uuid/tree'),
    ]) {
      expect(res.statusCode).toBe(400);
      expect(issuePaths(res)).toEqual(['id']);
    }
  });

  it('answers 404 for an unknown id', async () => {
    const res = await officer.get('/api/suppliers/00000000-0000-4000-8000-000000000000');
    expect(res.statusCode).toBe(404);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, setupTestApp, type TestContext } from '../../../test/app.js';
import { auditOf, createSupplier, csv, uploadCsv } from '../../../test/factories.js';
import { describeRevisions } from '../../../test/revision.js';

let t: TestContext;
let officer: Client;
let officerB: Client;

beforeAll(async () => {
  t = await setupTestApp();
  officer = await t.login(t.orgA.officer);
  officerB = await t.login(t.orgB.officer);
});
afterAll(() => t?.close());

let n = 0;
describeRevisions({
  noun: 'supplier',
  t: () => t,
  editor: () => officer,
  editorB: () => officerB,
  create: async () => createSupplier(officer, { name: `Revisioned ${++n}` }),
  createB: async () => createSupplier(officerB, { name: `Other tenant ${++n}` }),
  url: (id) => `/api/suppliers/${id}`,
  hasGet: true,
  read: async (client, id) => (await client.get(`/api/suppliers/${id}`)).json(),
  changes: [
    { name: 'Changed by the first', tier: 2 },
    { name: 'Changed by the second', headcount: 40 },
  ],
  pick: (s) => ({ name: s.name, tier: s.tier, headcount: s.headcount }),
});

describe('supplier revisions outside PATCH', () => {
  it('POST answers revision 1 with its ETag', async () => {
    const res = await officer.post('/api/suppliers', { name: 'Fresh', country: 'BD', tier: 1 });
    expect(res.statusCode).toBe(201);
    expect(res.json().revision).toBe(1);
    expect(res.headers.etag).toBe('"1"');
  });

  it('archive and restore bump the revision and honour If-Match', async () => {
    const s = await createSupplier(officer, { name: 'Archive me' });
    const archived = await officer.request('DELETE', `/api/suppliers/${s.id}`, undefined, {
      'if-match': '"1"',
    });
    expect(archived.statusCode, archived.body).toBe(200);
    expect(archived.json().revision).toBe(2);
    const stale = await officer.request('POST', `/api/suppliers/${s.id}/restore`, {}, { 'if-match': '"1"' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.current).toMatchObject({ revision: 2, archivedAt: expect.any(String) });
    const restored = await officer.request(
      'POST',
      `/api/suppliers/${s.id}/restore`,
      {},
      { 'if-match': '"2"' },
    );
    expect(restored.statusCode, restored.body).toBe(200);
    expect(restored.json()).toMatchObject({ revision: 3, archivedAt: null });
  });

  it('a form edit made before an import that changed the supplier is refused (409)', async () => {
    const s = await createSupplier(officer, { name: 'Imported later', externalRef: 'REV-1' });
    const file = csv([{ external_ref: 'REV-1', name: 'Renamed by import', country: 'BD', tier: 1 }]);
    const imported = await uploadCsv(officer, '/api/suppliers/import/commit', file);
    expect(imported.statusCode, imported.body).toBe(200);
    const edit = await officer.request('PATCH', `/api/suppliers/${s.id}`, { tier: 3 }, { 'if-match': '"1"' });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.current).toMatchObject({ name: 'Renamed by import', revision: 2 });
  });

  it('importing the same file again changes nothing, so the revision stays', async () => {
    const file = csv([{ external_ref: 'REV-2', name: 'Steady', country: 'BD', tier: 1 }]);
    expect((await uploadCsv(officer, '/api/suppliers/import/commit', file)).statusCode).toBe(200);
    expect((await uploadCsv(officer, '/api/suppliers/import/commit', file)).statusCode).toBe(200);
    const list = (await officer.get('/api/suppliers?q=REV-2')).json();
    expect(list.items.map((x: { revision: number }) => x.revision)).toEqual([1]);
  });

  it('the audit trail of a creation does not carry the revision (it is not part of the record)', async () => {
    const s = await createSupplier(officer, { name: 'Audited' });
    const [created] = (await auditOf(t, t.orgA.id)).filter((e) => e.entityId === s.id);
    expect(JSON.stringify(created!.payload)).not.toContain('revision');
  });
});

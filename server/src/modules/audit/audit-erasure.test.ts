import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, PASSWORD, setupTestApp, type TestContext } from '../../../test/app.js';
import {
  auditOf,
  createSupplier,
  createTestOrg,
  failureOf,
  issuePaths,
  rowCounts,
} from '../../../test/factories.js';
import { auditPersonalValues } from '../../db/schema/audit.js';
import { withTenant } from '../../db/tenant.js';

let t: TestContext;
let admin: Client;
beforeAll(async () => {
  t = await setupTestApp();
  admin = await t.login(t.orgA.admin);
});
afterAll(() => t?.close());

const jane = { name: 'Jane Roe', email: 'jane.roe@knit.test', phone: '+44 20 7946 0000' };
const omar = { name: 'Omar Said', email: 'omar@knit.test' };

const eventsOfEntity = async (c: Client, entityId: string) =>
  (await c.get(`/api/audit-events?entityId=${entityId}&order=asc`)).json().items;

describe('personal fields enter the chain as salted digests', () => {
  it('the stored payload holds digests; the list shows the values', async () => {
    const dee = { name: 'Dee Gest', email: 'dee@digest.test', phone: '+1 555 0100' };
    const s = await createSupplier(admin, { name: 'Digest Mills', contacts: [dee] });
    const [stored] = (await auditOf(t, t.orgA.id)).filter((e) => e.entityId === s.id);
    const text = JSON.stringify(stored!.payload);
    for (const v of Object.values(dee)) expect(text).not.toContain(v);
    expect(stored!.payload).toMatchObject({
      supplier: {
        name: 'Digest Mills',
        contacts: [{ name: { $pd: expect.stringMatching(/^[0-9a-f]{64}$/) } }],
      },
    });
    const [listed] = await eventsOfEntity(admin, s.id);
    expect(listed.payload.supplier.contacts).toEqual([dee]);
    expect(listed.entityLabel).toBe('Digest Mills');
  });
});

describe('POST /api/audit-events/erasures', () => {
  it("erases a contact's details by e-mail; the chain and every other field still verify", async () => {
    const s = await createSupplier(admin, { name: 'Erase Knit', contacts: [jane, omar] });
    await admin.patch(`/api/suppliers/${s.id}`, { contacts: [omar] });
    const res = await admin.post('/api/audit-events/erasures', {
      subject: { email: 'JANE.ROE@knit.test' },
      requestRef: 'DSR-2026-001',
      reason: 'Art. 17 request received by letter; contact has left the supplier',
    });
    expect(res.statusCode, res.body).toBe(201);
    // Name, e-mail and phone of Jane in the creation and in the "from" side of the update.
    expect(res.json()).toMatchObject({ erased: 6, events: 2, clearTextEvents: 0 });

    const [created, updated] = await eventsOfEntity(admin, s.id);
    const contacts = created.payload.supplier.contacts;
    for (const field of ['name', 'email', 'phone'] as const) {
      expect(contacts[0][field]).toMatchObject({ erased: true, digest: expect.any(String) });
    }
    expect(contacts[1]).toEqual(omar);
    expect(created.payload.supplier.name).toBe('Erase Knit');
    expect(updated.payload.changes.contacts.from[0].email).toMatchObject({ erased: true });
    expect(updated.payload.changes.contacts.to).toEqual([omar]);

    const [erasure] = (await admin.get('/api/audit-events?action=audit.personal_data_erased')).json().items;
    expect(erasure).toMatchObject({
      id: res.json().eventId,
      entityType: 'erasure',
      entityLabel: 'DSR-2026-001',
      payload: { requestRef: 'DSR-2026-001', subject: { kind: 'email' } },
    });
    expect(erasure.payload.values).toHaveLength(6);
    expect(JSON.stringify(erasure.payload).toLowerCase()).not.toContain('jane');

    const verify = (await admin.get('/api/audit-events/verify')).json();
    expect(verify).toMatchObject({ ok: true, firstBroken: null });
    expect(verify.personalValues.erased).toBeGreaterThanOrEqual(6);
    expect(verify.personalValues.mismatched).toEqual([]);

    // The values and their salts are gone from the database, not only from the answer.
    const kept = await t.owner.select().from(auditPersonalValues);
    expect(JSON.stringify(kept).toLowerCase()).not.toContain('jane');
    // A second request finds nothing more to erase.
    const again = await admin.post('/api/audit-events/erasures', {
      subject: { email: jane.email },
      requestRef: 'DSR-2026-001b',
      reason: 'repeat',
    });
    expect(again.json()).toMatchObject({ eventId: null, erased: 0 });
  });

  it('erases every personal value of one entity (a user)', async () => {
    const org = await createTestOrg(t, 'erase-user');
    const c = await t.login(org.admin);
    const user = (
      await c.post('/api/users', {
        email: 'leaver@eu.test',
        name: 'Lee Ver',
        role: 'officer',
        password: PASSWORD,
      })
    ).json();
    const res = await c.post('/api/audit-events/erasures', {
      subject: { entityType: 'user', entityId: user.id },
      requestRef: 'HR-7',
      reason: 'Former employee asked for erasure',
    });
    expect(res.json()).toMatchObject({ erased: 2, events: 1 });
    const [created] = await eventsOfEntity(c, user.id);
    expect(created.payload).toMatchObject({
      email: { erased: true },
      name: { erased: true },
      role: 'officer',
    });
    expect((await c.get('/api/audit-events/verify')).json().ok).toBe(true);
  });

  it('a kept value altered in the database no longer matches its digest', async () => {
    const org = await createTestOrg(t, 'swap');
    const c = await t.login(org.admin);
    const s = await createSupplier(c, { contacts: [{ name: 'Real Name' }] });
    // Only erasure may change a row: the owner must lift the guard to swap a value.
    expect(
      await failureOf(
        t.owner.execute(sql`update audit_personal_values set value = 'Fake' where value = 'Real Name'`),
      ),
    ).toMatch(/only allows erasure/);
    await t.owner.execute(
      sql`alter table audit_personal_values disable trigger audit_personal_values_erase_only`,
    );
    try {
      await t.owner
        .update(auditPersonalValues)
        .set({ value: 'Fake Name' })
        .where(eq(auditPersonalValues.value, 'Real Name'));
    } finally {
      await t.owner.execute(
        sql`alter table audit_personal_values enable trigger audit_personal_values_erase_only`,
      );
    }
    const verify = (await c.get('/api/audit-events/verify')).json();
    expect(verify.ok).toBe(false);
    expect(verify.personalValues.mismatched).toEqual([
      { seq: expect.any(Number), path: 'supplier.contacts.0.name' },
    ]);
    expect((await eventsOfEntity(c, s.id))[0].payload.supplier.contacts[0].name).toBe('Fake Name');
  });

  it("another organisation's admin erases nothing of this one", async () => {
    await createSupplier(admin, {
      name: 'Tenant Knit',
      contacts: [{ name: 'Tess', email: 'tess@knit.test' }],
    });
    const b = await t.login(t.orgB.admin);
    const res = await b.post('/api/audit-events/erasures', {
      subject: { email: 'tess@knit.test' },
      requestRef: 'X-1',
      reason: 'probe',
    });
    expect(res.json()).toMatchObject({ eventId: null, erased: 0 });
    const s = (await admin.get('/api/audit-events?entity=Tenant%20Knit'))
      .json()
      .items.find((e: { action: string }) => e.action === 'supplier.created');
    expect(s.payload.supplier.contacts[0].email).toBe('tess@knit.test');
  });

  it('needs an administrator, a request reference and a reason; bad input writes nothing', async () => {
    const body = { subject: { email: 'a@b.test' }, requestRef: 'R', reason: 'x' };
    for (const email of [t.orgA.officer, t.orgA.executive]) {
      expect((await (await t.login(email)).post('/api/audit-events/erasures', body)).statusCode).toBe(403);
    }
    const before = await rowCounts(t);
    const res = await admin.post('/api/audit-events/erasures', {
      subject: { email: 'a@b.test' },
      reason: 'x',
    });
    expect(res.statusCode).toBe(400);
    expect(issuePaths(res)).toContain('requestRef');
    const bad = await admin.post('/api/audit-events/erasures', {
      ...body,
      subject: { email: 'not-an-email' },
    });
    expect(bad.statusCode).toBe(400);
    expect(await rowCounts(t)).toEqual(before);
  });

  it('the request role cannot change or delete a kept value', async () => {
    const stmts = [sql`update audit_personal_values set value = 'x'`, sql`delete from audit_personal_values`];
    for (const stmt of stmts) {
      expect(await failureOf(withTenant(t.db, t.orgA.id, (tx) => tx.execute(stmt)))).toMatch(
        /only allows erasure|permission denied/,
      );
    }
  });
});

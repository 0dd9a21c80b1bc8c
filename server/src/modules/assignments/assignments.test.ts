import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_TEMPLATE } from '#shared/domain/questionnaires/fixtures/sample-template.js';
import { type Client, setupTestApp, type TestContext } from '../../../test/app.js';
import { auditOf, createSupplier, issuePaths } from '../../../test/factories.js';
import { portalLinks, questionnaireAssignments } from '../../db/schema/assignments.js';
import { sha256Hex } from '../../lib/tokens.js';

// Sending questionnaires (no mailer here: the officer is handed each link once) and the supplier portal.

let t: TestContext;
let officer: Client;
let templateId: string;
let suppliers: { id: string; name: string }[];

const due = () => new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
const tokenOf = (url: string) => url.slice(url.lastIndexOf('/') + 1);
const portal = (method: 'GET' | 'PUT' | 'POST', token: string, path = '', payload?: object) =>
  t.app.inject({ method, url: `/api/portal/${token}${path}`, ...(payload ? { payload } : {}) });

const send = async (supplierIds: string[], tplId = templateId) => {
  const res = await officer.post('/api/assignments', {
    templateId: tplId,
    supplierIds,
    dueDate: due(),
    message: 'Please answer.',
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().items as { id: string; portalUrl: string; revision: number; status: string }[];
};

beforeAll(async () => {
  t = await setupTestApp();
  officer = await t.login(t.orgA.officer);
  const draft = (
    await officer.post('/api/templates', { name: 'Sample', definition: SAMPLE_TEMPLATE })
  ).json();
  templateId = (await officer.post(`/api/templates/${draft.id}/publish`)).json().id;
  suppliers = [];
  for (const name of ['Tessellate Garments', 'Orbit Fasteners'])
    suppliers.push(await createSupplier(officer, { name }));
});
afterAll(() => t?.close());

describe('sending', () => {
  it('creates one assignment per supplier, pinned to the version sent, and hands over each link once', async () => {
    const items = await send(suppliers.map((s) => s.id));
    expect(items).toHaveLength(2);
    for (const [i, item] of items.entries()) {
      expect(item).toMatchObject({
        supplierId: suppliers[i]!.id,
        templateId,
        templateVersion: 1,
        status: 'sent',
        delivery: 'handed_over',
        overdue: false,
        link: { state: 'live', recipient: null },
        progress: { answered: 0, percent: 0 },
      });
      expect(item.portalUrl).toMatch(/\/portal\/[A-Za-z0-9_-]{43}$/);
      const links = await t.owner.select().from(portalLinks).where(eq(portalLinks.assignmentId, item.id));
      expect(links.map((l) => [l.tokenHash, l.purpose])).toEqual([
        [sha256Hex(tokenOf(item.portalUrl)), 'invitation'],
      ]);
    }
    // The link is never stored, logged in the trail, or shown again.
    const token = tokenOf(items[0]!.portalUrl);
    const dump = JSON.stringify([
      await t.owner.execute(sql`select * from questionnaire_assignments`),
      await auditOf(t, t.orgA.id),
    ]);
    expect(dump).not.toContain(token);
    const again = (await officer.get(`/api/assignments/${items[0]!.id}`)).json();
    expect(JSON.stringify(again)).not.toContain(token);
    const events = (await auditOf(t, t.orgA.id)).filter((e) => e.action === 'assignment.created');
    expect(events.map((e) => e.payload)).toEqual(
      suppliers.map((s) =>
        expect.objectContaining({
          supplierId: s.id,
          templateVersion: 1,
          delivery: 'handed_over',
          recurrence: null,
        }),
      ),
    );
  });

  it('refuses a draft template, a past due date, an unknown supplier, and another organisation’s ids', async () => {
    const draft = (
      await officer.post('/api/templates', { name: 'Draft', definition: SAMPLE_TEMPLATE })
    ).json();
    const body = { templateId, supplierIds: [suppliers[0]!.id], dueDate: due() };
    const asDraft = await officer.post('/api/assignments', { ...body, templateId: draft.id });
    expect(asDraft.statusCode).toBe(422);
    expect(issuePaths(asDraft)).toEqual(['templateId']);
    const past = await officer.post('/api/assignments', { ...body, dueDate: '2020-01-01' });
    expect(past.statusCode).toBe(400);
    expect(issuePaths(past)).toEqual(['dueDate']);
    const unknown = await officer.post('/api/assignments', {
      ...body,
      supplierIds: [suppliers[0]!.id, randomUUID()],
    });
    expect(unknown.statusCode).toBe(404);
    expect(issuePaths(unknown)).toEqual(['supplierIds.1']);

    const b = await t.login(t.orgB.officer);
    expect((await b.post('/api/assignments', body)).statusCode).toBe(404);
    const bSupplier = await createSupplier(b, { name: 'B site' });
    expect(
      (await officer.post('/api/assignments', { ...body, supplierIds: [bSupplier.id] })).statusCode,
    ).toBe(404);
    const mine = (await officer.get('/api/assignments')).json().items[0];
    expect((await b.get(`/api/assignments/${mine.id}`)).statusCode).toBe(404);
    expect((await b.post(`/api/assignments/${mine.id}/revoke-link`)).statusCode).toBe(404);
    expect((await b.post(`/api/assignments/${mine.id}/reissue-link`)).statusCode).toBe(404);
    expect((await b.get('/api/assignments')).json().total).toBe(0);
  });

  it('answers 400 naming each bad field, and 403 to an executive before reading the body', async () => {
    const bad = await officer.post('/api/assignments', {
      templateId: 'x',
      supplierIds: [],
      dueDate: '30/11/2026',
      message: 'a'.repeat(2001),
    });
    expect(bad.statusCode).toBe(400);
    expect(issuePaths(bad).sort()).toEqual(['dueDate', 'message', 'supplierIds', 'templateId']);
    const dup = await officer.post('/api/assignments', {
      templateId,
      supplierIds: [suppliers[0]!.id, suppliers[0]!.id],
      dueDate: due(),
    });
    expect(issuePaths(dup)).toEqual(['supplierIds']);
    // The same id in upper and lower case is the same supplier.
    const before = (await officer.get('/api/assignments')).json().total;
    const dupCase = await officer.post('/api/assignments', {
      templateId,
      supplierIds: [suppliers[0]!.id.toUpperCase(), suppliers[0]!.id],
      dueDate: due(),
    });
    expect(dupCase.statusCode, dupCase.body).toBe(400);
    expect(issuePaths(dupCase)).toEqual(['supplierIds']);
    expect((await officer.get('/api/assignments')).json().total).toBe(before);
    const exec = await t.login(t.orgA.executive);
    expect((await exec.post('/api/assignments', { nonsense: true })).statusCode).toBe(403);
    expect((await officer.get('/api/assignments?status=lost&overdue=maybe')).statusCode).toBe(400);
  });
});

describe('the supplier portal', () => {
  it('opens the one questionnaire, autosaves with versions, and refuses a stale save with the newer answer', async () => {
    const [a] = await send([suppliers[0]!.id]);
    const token = tokenOf(a!.portalUrl);
    const opened = (await portal('GET', token)).json();
    expect(opened).toMatchObject({
      organisation: 'Org A',
      supplierName: 'Tessellate Garments',
      status: 'sent',
      editable: true,
      submittedAt: null,
      answers: [],
    });
    expect(opened.definition.sections[0].id).toBe('labour');

    const first = await portal('PUT', token, '/answers/passports_held', { value: 'no' });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().answer).toMatchObject({ questionId: 'passports_held', value: 'no', revision: 1 });
    expect((await officer.get(`/api/assignments/${a!.id}`)).json().status).toBe('in_progress');

    // Two tabs: both saw revision 1; the first save wins, the second is told and shown the winner.
    expect(
      (await portal('PUT', token, '/answers/passports_held', { value: 'yes', revision: 1 })).statusCode,
    ).toBe(200);
    const stale = await portal('PUT', token, '/answers/passports_held', { value: 'no', revision: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.current).toMatchObject({ value: 'yes', revision: 2 });
    // A first save racing another first save.
    expect((await portal('PUT', token, '/answers/passports_held', { value: 'no' })).statusCode).toBe(409);

    const wrong = await portal('PUT', token, '/answers/weekly_hours', { value: 500 });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.issues).toEqual([{ path: 'value', message: 'Must be at most 168' }]);
    expect((await portal('PUT', token, '/answers/no_such_question', { value: 'yes' })).statusCode).toBe(404);
    const cleared = await portal('PUT', token, '/answers/passports_held', { value: null, revision: 2 });
    expect(cleared.json().answer).toBeNull();

    expect((await portal('PUT', token, '/locale', { locale: 'es' })).statusCode).toBe(200);
    const fr = await portal('PUT', token, '/locale', { locale: 'fr' });
    expect(fr.statusCode).toBe(400);
    expect((await officer.get(`/api/assignments/${a!.id}`)).json().locale).toBe('es');

    const saves = (await auditOf(t, t.orgA.id)).filter(
      (e) => e.action === 'assignment.answer_saved' && e.entityId === a!.id,
    );
    expect(saves).toHaveLength(3);
    expect(saves[0]).toMatchObject({ actorType: 'supplier_link', actorId: a!.id });
  });

  it('submits only when every visible required question is answered, then is read-only', async () => {
    const [a] = await send([suppliers[1]!.id]);
    const token = tokenOf(a!.portalUrl);
    await portal('PUT', token, '/answers/passports_held', { value: 'no' });
    await portal('PUT', token, '/answers/uses_agencies', { value: 'yes' });
    const early = await portal('POST', token, '/submit');
    expect(early.statusCode).toBe(400);
    const missing = issuePaths(early);
    expect(missing).toEqual(expect.arrayContaining(['agency_fees', 'weekly_hours', 'grievance_channels']));
    expect(missing).not.toContain('passports_held');
    expect((await officer.get(`/api/assignments/${a!.id}`)).json().status).toBe('in_progress');

    await portal('PUT', token, '/answers/uses_agencies', { value: 'no', revision: 1 });
    await portal('PUT', token, '/answers/weekly_hours', { value: 45 });
    await portal('PUT', token, '/answers/grievance_channels', { value: ['hotline'] });
    const done = await portal('POST', token, '/submit');
    expect(done.statusCode, done.body).toBe(200);
    const shown = (await officer.get(`/api/assignments/${a!.id}`)).json();
    expect(shown).toMatchObject({ status: 'submitted', progress: { percent: 100 } });
    expect(shown.submittedAt).not.toBeNull();
    const late = await portal('PUT', token, '/answers/weekly_hours', { value: 40, revision: 1 });
    expect(late.statusCode).toBe(422);
    expect(late.json().error.message).toMatch(/submitted/);
    const reopened = (await portal('GET', token)).json();
    expect(reopened.editable).toBe(false);
    // The portal says when it was submitted ("submitted on … — thank you").
    expect(reopened.submittedAt).toBe(shown.submittedAt);
  });

  it('never lets a save and a submit cross: exactly one of them wins, and the stored state agrees', async () => {
    const [a] = await send([suppliers[1]!.id]);
    const token = tokenOf(a!.portalUrl);
    await portal('PUT', token, '/answers/passports_held', { value: 'no' });
    await portal('PUT', token, '/answers/uses_agencies', { value: 'no' });
    await portal('PUT', token, '/answers/weekly_hours', { value: 45 });
    await portal('PUT', token, '/answers/grievance_channels', { value: ['hotline'] });
    // Clearing a required answer while submitting.
    const [clear, submitted] = await Promise.all([
      portal('PUT', token, '/answers/weekly_hours', { value: null, revision: 1 }),
      portal('POST', token, '/submit'),
    ]);
    expect([clear.statusCode, submitted.statusCode].sort()).toEqual(
      submitted.statusCode === 200 ? [200, 422] : [200, 400],
    );
    const now = (await portal('GET', token)).json();
    const hours = now.answers.find((x: { questionId: string }) => x.questionId === 'weekly_hours');
    if (submitted.statusCode === 200) expect(hours).toBeDefined();
    else expect(hours).toBeUndefined();
    expect(now.status).toBe(submitted.statusCode === 200 ? 'submitted' : 'in_progress');
    if (submitted.statusCode === 200) {
      expect((await portal('PUT', token, '/locale', { locale: 'es' })).statusCode).toBe(422);
    }
  });

  it('says plainly when a link was revoked, replaced or expired, and a new link keeps the answers', async () => {
    const [a] = await send([suppliers[0]!.id]);
    const old = tokenOf(a!.portalUrl);
    await portal('PUT', old, '/answers/passports_held', { value: 'no' });
    const revoked = await officer.post(`/api/assignments/${a!.id}/revoke-link`);
    expect(revoked.json().link.state).toBe('revoked');
    const refused = await portal('GET', old);
    expect(refused.statusCode).toBe(410);
    expect(refused.json().error.message).toMatch(/Org A has withdrawn this link/);

    const reissued = (await officer.post(`/api/assignments/${a!.id}/reissue-link`)).json();
    expect(reissued).toMatchObject({ delivery: 'handed_over', link: { state: 'live' } });
    const fresh = tokenOf(reissued.portalUrl);
    expect(fresh).not.toBe(old);
    // Re-issuing revoked the old link (it says so), and minted the one new link.
    expect((await portal('GET', old)).statusCode).toBe(410);
    expect((await portal('GET', fresh)).json().answers).toEqual([
      expect.objectContaining({ questionId: 'passports_held' }),
    ]);

    const past = new Date(Date.now() - 1000);
    await t.owner
      .update(questionnaireAssignments)
      .set({ linkExpiresAt: past })
      .where(eq(questionnaireAssignments.id, a!.id));
    await t.owner.update(portalLinks).set({ expiresAt: past }).where(eq(portalLinks.assignmentId, a!.id));
    const expired = await portal('GET', fresh);
    expect(expired.statusCode).toBe(410);
    expect(expired.json().error.message).toMatch(/expired.*answers you saved are kept/);
    expect((await officer.get(`/api/assignments/${a!.id}`)).json().link.state).toBe('expired');
  });

  it('refuses malformed tokens and bodies without touching anything', async () => {
    expect((await portal('GET', 'short')).statusCode).toBe(400);
    expect((await portal('GET', 'x'.repeat(43))).statusCode).toBe(404);
    const [a] = await send([suppliers[0]!.id]);
    const token = tokenOf(a!.portalUrl);
    const before = (await auditOf(t, t.orgA.id)).length;
    for (const body of [
      {},
      { value: { nested: true } },
      { value: 'yes', revision: 0 },
      { value: 'a'.repeat(10_001) },
    ]) {
      expect(
        (await portal('PUT', token, '/answers/passports_held', body)).statusCode,
        JSON.stringify(body).slice(0, 40),
      ).toBe(400);
    }
    expect((await auditOf(t, t.orgA.id)).length).toBe(before);
  });
});

import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, setupTestApp, type TestContext } from '../../../test/app.js';
import { auditOf, createSupplier, multipartBody } from '../../../test/factories.js';
import { pdfBytes } from '../../../test/files.js';
import { publishSampleTemplate, submittedQuestionnaire, tokenOf } from '../../../test/questionnaires.js';
import { questionnaireAnswers } from '../../db/schema/assignments.js';

// The autosave in one statement (portal.autosave.ts, portal_save_answer() of migration 0030): what it keeps
// per process (where a link leads, the supplier's name) must never make it say or record something stale.

let t: TestContext;
let officer: Client;
let templateId: string;

const portal = (method: 'GET' | 'PUT' | 'POST', token: string, path = '', payload?: object) =>
  t.app.inject({ method, url: `/api/portal/${token}${path}`, ...(payload ? { payload } : {}) });

const sendTo = async (name: string) => {
  const supplier = await createSupplier(officer, { name });
  const dueDate = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
  const res = await officer.post('/api/assignments', { templateId, supplierIds: [supplier.id], dueDate });
  expect(res.statusCode, res.body).toBe(201);
  const item = res.json().items[0] as { id: string; portalUrl: string };
  return { supplier, id: item.id, token: tokenOf(item.portalUrl) };
};

const verify = async () => (await (await t.login(t.orgA.admin)).get('/api/audit-events/verify')).json();

beforeAll(async () => {
  t = await setupTestApp();
  officer = await t.login(t.orgA.officer);
  templateId = await publishSampleTemplate(officer);
});
afterAll(() => t?.close());

describe('the autosave', () => {
  it('records each save in the audit chain under the supplier’s current name, also after a rename', async () => {
    const a = await sendTo('Ñandú "Quoted" \\ Textiles');
    expect((await portal('PUT', a.token, '/answers/passports_held', { value: 'no' })).statusCode).toBe(200);
    const renamed = await officer.patch(`/api/suppliers/${a.supplier.id}`, { name: 'Ñandú Apparel 東莞' });
    expect(renamed.statusCode, renamed.body).toBe(200);
    const second = await portal('PUT', a.token, '/answers/passports_held', { value: 'yes', revision: 1 });
    expect(second.statusCode, second.body).toBe(200);
    expect(second.json().answer).toMatchObject({ value: 'yes', revision: 2 });

    const saves = (await auditOf(t, t.orgA.id)).filter(
      (e) => e.action === 'assignment.answer_saved' && e.entityId === a.id,
    );
    expect(saves.map((e) => e.actorLabel)).toEqual([
      'Ñandú "Quoted" \\ Textiles (questionnaire link)',
      'Ñandú Apparel 東莞 (questionnaire link)',
    ]);
    expect(saves.map((e) => e.payload)).toEqual([
      { questionId: 'passports_held', revision: 1, cleared: false, valueSha256: expect.any(String) },
      { questionId: 'passports_held', revision: 2, cleared: false, valueSha256: expect.any(String) },
    ]);
    expect(await verify()).toMatchObject({ ok: true, firstBroken: null });
  });

  it('answers the link’s refusal before the answer’s: a bad value on a withdrawn link is 410, on a submitted questionnaire 422', async () => {
    const a = await sendTo('Refusal Order Ltd');
    expect((await officer.post(`/api/assignments/${a.id}/revoke-link`)).statusCode).toBe(200);
    const gone = await portal('PUT', a.token, '/answers/weekly_hours', { value: 500 });
    expect(gone.statusCode).toBe(410);
    expect(gone.json().error.message).toMatch(/Org A has withdrawn this link/);
    expect((await portal('PUT', a.token, '/answers/no_such_question', { value: 1 })).statusCode).toBe(410);
    expect((await portal('PUT', a.token, '/answers/weekly_hours', { value: 40 })).statusCode).toBe(410);

    const b = await submittedQuestionnaire(t, officer, templateId, { name: 'Submitted Then Saved Ltd' });
    const late = await portal('PUT', b.token, '/answers/weekly_hours', { value: 500, revision: 1 });
    expect(late.statusCode).toBe(422);
    expect(late.json().error.message).toMatch(/submitted/);
    expect(
      (await portal('PUT', b.token, '/answers/weekly_hours', { value: 50, revision: 1 })).statusCode,
    ).toBe(422);
  });

  it('refuses a file answer citing a file of another question, or one never uploaded, writing nothing', async () => {
    const a = await sendTo('Evidence Borrower Ltd');
    // A real file of this questionnaire, uploaded as evidence for another question (passports_held).
    const { payload, headers } = multipartBody(pdfBytes(), 'passport register.pdf');
    const uploaded = await t.app.inject({
      method: 'POST',
      url: `/api/portal/${a.token}/evidence?questionId=passports_held`,
      payload,
      headers,
    });
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    for (const fileId of [uploaded.json().id, '7d1f6a52-4c1e-4a8e-9b2f-0c3d4e5f6a7b']) {
      const res = await portal('PUT', a.token, '/answers/policy_file', { value: [fileId] });
      expect(res.statusCode, fileId).toBe(400);
      expect(res.json().error.issues).toEqual([
        { path: 'value', message: 'Upload the file to this question first' },
      ]);
    }
    const rows = await t.owner
      .select()
      .from(questionnaireAnswers)
      .where(eq(questionnaireAnswers.assignmentId, a.id));
    expect(rows).toEqual([]);
  });

  it('clearing an answer never given writes nothing and records nothing', async () => {
    const a = await sendTo('Nothing To Clear Ltd');
    const before = (await auditOf(t, t.orgA.id)).length;
    const res = await portal('PUT', a.token, '/answers/passports_held', { value: null });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ answer: null, progress: { answered: 0 } });
    expect((await auditOf(t, t.orgA.id)).length).toBe(before);
    expect((await officer.get(`/api/assignments/${a.id}`)).json().status).toBe('sent');
  });

  it('reads a text answer back exactly as typed, even one that looks like a number, true or quoted', async () => {
    const a = await sendTo('Literal Text Ltd');
    expect(
      (await portal('PUT', a.token, '/answers/grievance_channels', { value: ['hotline'] })).statusCode,
    ).toBe(200);
    for (const [i, typed] of ['12345', 'true', 'null', '"Hotline"', '[1]'].entries()) {
      const saved = await portal('PUT', a.token, '/answers/grievance_details', {
        value: typed,
        ...(i === 0 ? {} : { revision: i }),
      });
      expect(saved.statusCode, saved.body).toBe(200);
      const review = (await officer.get(`/api/assignments/${a.id}/answers`)).json();
      const details = review.answers.find(
        (x: { questionId: string }) => x.questionId === 'grievance_details',
      );
      expect(details?.value).toBe(typed);
      const reopened = (await portal('GET', a.token)).json();
      expect(
        reopened.answers.find((x: { questionId: string }) => x.questionId === 'grievance_details')?.value,
      ).toBe(typed);
    }
  });

  it('another organisation’s link and an unknown link answer 404, the same as before', async () => {
    const unknown = await portal('PUT', 'A'.repeat(43), '/answers/passports_held', { value: 'no' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.message).toMatch(/not valid/);
  });
});

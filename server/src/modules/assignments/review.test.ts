import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, setupTestApp, type TestContext } from '../../../test/app.js';
import { auditOf, issuePaths } from '../../../test/factories.js';
import { publishSampleTemplate, submittedQuestionnaire } from '../../../test/questionnaires.js';
import { findings, questionnaireAssignments } from '../../db/schema/assignments.js';

// The officer's review: answers as they read, return with comments, accept → the supplier is scored with
// the answers (now and in every later assessment) and findings open for weak criteria and red flags.

let t: TestContext;
let officer: Client;
let templateId: string;

const put = (token: string, q: string, value: unknown, revision?: number) =>
  t.app.inject({ method: 'PUT', url: `/api/portal/${token}/answers/${q}`, payload: { value, revision } });
const submit = (token: string) => t.app.inject({ method: 'POST', url: `/api/portal/${token}/submit` });

/** A supplier who answered the sample questionnaire and submitted it: passports held, 70 hours a week. */
const answered = (name: string) => submittedQuestionnaire(t, officer, templateId, { name });
/** Another questionnaire to the same supplier, answered as `answered` does but for the hours. */
const due = () => new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
const answeredAgain = async (supplier: { id: string }, hours: number) => {
  const sent = await officer.post('/api/assignments', {
    templateId,
    supplierIds: [supplier.id],
    dueDate: due(),
  });
  const item = sent.json().items[0];
  const token = item.portalUrl.slice(item.portalUrl.lastIndexOf('/') + 1);
  for (const [q, v] of [
    ['passports_held', 'yes'],
    ['uses_agencies', 'no'],
    ['weekly_hours', hours],
    ['grievance_channels', ['hotline']],
  ] as const) {
    expect((await put(token, q, v)).statusCode).toBe(200);
  }
  expect((await submit(token)).statusCode).toBe(200);
  return { supplier, id: item.id as string, token };
};

beforeAll(async () => {
  t = await setupTestApp();
  officer = await t.login(t.orgA.officer);
  templateId = await publishSampleTemplate(officer);
});
afterAll(() => t?.close());

describe('reviewing', () => {
  it('shows each answer as it reads, returns it with comments, and the supplier sees and fixes them', async () => {
    const { id, token } = await answered('Review Rubber');
    const review = (await officer.get(`/api/assignments/${id}/answers`)).json();
    expect(review.answers).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ questionId: 'passports_held', label: 'Yes', counted: true }),
        expect.objectContaining({ questionId: 'weekly_hours', value: 70, counted: true }),
      ]),
    );
    const returned = await officer.post(`/api/assignments/${id}/return`, {
      comments: { weekly_hours: 'Is 70 the usual week? Please attach the time records.' },
    });
    expect(returned.statusCode, returned.body).toBe(200);
    expect(returned.json().status).toBe('returned');
    const seen = (await t.app.inject({ method: 'GET', url: `/api/portal/${token}` })).json();
    expect(seen).toMatchObject({
      editable: true,
      reviewComments: { weekly_hours: expect.stringMatching(/^Is 70/) },
    });
    expect((await put(token, 'weekly_hours', 45, 1)).statusCode).toBe(200);
    expect((await submit(token)).statusCode).toBe(200);

    const bad = await officer.post(`/api/assignments/${id}/return`, { comments: { nope: 'x' } });
    expect(bad.statusCode).toBe(400);
    expect(issuePaths(bad)).toEqual(['comments.nope']);
    expect((await officer.post(`/api/assignments/${id}/return`, { comments: {} })).statusCode).toBe(400);
  });

  it('will not return a questionnaire the supplier cannot open: the link is re-issued first', async () => {
    const { id, token } = await answered('Unreachable Rubber');
    const comments = { weekly_hours: 'Please attach the time records.' };
    const returned = async () =>
      (await auditOf(t, t.orgA.id)).filter((e) => e.action === 'assignment.returned');
    const audited = (await returned()).length;
    expect((await officer.post(`/api/assignments/${id}/revoke-link`)).statusCode).toBe(200);
    const revoked = await officer.post(`/api/assignments/${id}/return`, { comments });
    expect(revoked.statusCode).toBe(409);
    expect(revoked.json().error.message).toMatch(/link was withdrawn on .*Re-issue the link first/);
    expect((await officer.get(`/api/assignments/${id}`)).json()).toMatchObject({ status: 'submitted' });
    expect((await returned()).length).toBe(audited);

    const reissued = (await officer.post(`/api/assignments/${id}/reissue-link`)).json();
    const fresh = reissued.portalUrl.slice(reissued.portalUrl.lastIndexOf('/') + 1);
    expect(fresh).not.toBe(token);
    await t.owner
      .update(questionnaireAssignments)
      .set({ linkExpiresAt: new Date('2026-01-02T00:00:00Z') })
      .where(eq(questionnaireAssignments.id, id));
    const expired = await officer.post(`/api/assignments/${id}/return`, { comments });
    expect(expired.statusCode).toBe(409);
    expect(expired.json().error.message).toMatch(/link expired on 2026-01-02\. Re-issue the link first/);

    const again = (await officer.post(`/api/assignments/${id}/reissue-link`)).json();
    const ok = await officer.post(`/api/assignments/${id}/return`, { comments });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'returned', link: { state: 'live' } });
    const opened = await t.app.inject({
      method: 'GET',
      url: `/api/portal/${again.portalUrl.slice(again.portalUrl.lastIndexOf('/') + 1)}`,
    });
    expect(opened.json()).toMatchObject({ editable: true, reviewComments: comments });
    expect((await returned()).length).toBe(audited + 1);
  });

  it('accepting scores the supplier with its answers, citing each, and opens findings', async () => {
    const { supplier, id } = await answered('Accept Rubber');
    const before = (await officer.get(`/api/suppliers/${supplier.id}/assessments`)).json().items[0];
    expect(before.controlScore).toBe(0);

    const res = await officer.post(`/api/assignments/${id}/accept`, {
      evidenceAccepted: ['grievance_channels'],
    });
    expect(res.statusCode, res.body).toBe(200);
    const { assignment, assessment, findings } = res.json();
    expect(assignment.status).toBe('accepted');
    expect(assessment.controlScore).toBeGreaterThan(0);
    // Passports held: the red flag sets the floor, whatever the score.
    expect(['high', 'critical']).toContain(assessment.rating);
    expect(findings.map((f: { kind: string; key: string }) => `${f.kind}:${f.key}`).sort()).toEqual([
      'criterion:excessive_overtime',
      'criterion:retention_of_identity_documents',
      'red_flag:identity_documents_retained',
    ]);
    expect(findings.find((f: { kind: string }) => f.kind === 'red_flag')).toMatchObject({
      questionId: 'passports_held',
      status: 'open',
    });

    const latest = (await officer.get(`/api/suppliers/${supplier.id}/assessments`)).json().items[0];
    expect(latest).toMatchObject({ id: assessment.id, trigger: 'questionnaire_accepted' });
    expect(latest.triggerDetail).toMatch(/questionnaire "Sample" \(v1\)/);
    expect(latest.inputs.answers.map((a: { questionId: string }) => a.questionId).sort()).toEqual([
      'grievance_channels',
      'passports_held',
      'weekly_hours',
    ]);
    const hours = latest.inputs.answers.find((a: { questionId: string }) => a.questionId === 'weekly_hours');
    expect(hours).toMatchObject({
      criterionKey: 'excessive_overtime',
      answerLabel: '70 hours',
      evidenceBacked: false,
    });

    // Every later assessment keeps using the accepted answers.
    const edited = (await officer.get(`/api/suppliers/${supplier.id}`)).json();
    await officer.patch(`/api/suppliers/${supplier.id}`, { headcount: 120, revision: edited.revision });
    const after = (await officer.get(`/api/suppliers/${supplier.id}/assessments`)).json().items[0];
    expect(after.trigger).toBe('profile_changed');
    expect(after.controlScore).toBe(assessment.controlScore);

    // Audited in one run of the chain, in the order accepting queued them (chained after commit), and the chain
    // still verifies.
    const all = await auditOf(t, t.orgA.id);
    const at = all.findIndex((e) => e.entityId === assessment.id);
    const accepted = all.slice(at, at + 2 + findings.length);
    expect(accepted.map((e) => [e.action, e.entityId])).toEqual([
      ['assessment.created', assessment.id],
      ['assignment.accepted', id],
      ...findings.map((f: { id: string }) => ['finding.opened', f.id]),
    ]);
    expect(accepted.map((e) => e.seq)).toEqual(accepted.map((_, i) => accepted[0]!.seq + i));
    expect(accepted[0]!.payload).toMatchObject({
      supplierId: supplier.id,
      trigger: 'questionnaire_accepted',
    });
    expect(accepted[1]!.payload).toMatchObject({
      supplierId: supplier.id,
      evidenceAccepted: ['grievance_channels'],
      scoredAnswers: 3,
    });
    expect(accepted[1]!.actorLabel).toBe(accepted[0]!.actorLabel);
    const verified = await (await t.login(t.orgA.admin)).get('/api/audit-events/verify');
    expect(verified.json()).toMatchObject({ ok: true, firstBroken: null });
    const again = await officer.post(`/api/assignments/${id}/accept`, {});
    expect(again.statusCode).toBe(422);
    expect(again.json().error.message).toMatch(/this one is accepted/);
  });

  it('words findings with the questions as the supplier read them, and lists them most severe first, then newest', async () => {
    const { supplier, id } = await answered('Worded Rubber');
    const res = await officer.post(`/api/assignments/${id}/accept`, {});
    expect(res.statusCode, res.body).toBe(200);
    const opened = res.json().findings as { kind: string; key: string; detail: string; questionId: string }[];
    const detailOf = (key: string) => opened.find((f) => f.key === key)?.detail;
    // The question's own words and the answer given; the id stays in questionId for machines.
    expect(detailOf('identity_documents_retained')).toBe(
      'Raised by the answer “Yes” to “Do you hold passports?”',
    );
    expect(opened.find((f) => f.kind === 'red_flag')?.questionId).toBe('passports_held');
    expect(detailOf('excessive_overtime')).toMatch(
      /^The answers show this \d+% controlled\. .*“Usual weekly hours”: 70 hours\.$/,
    );
    for (const f of opened) expect(f.detail).not.toMatch(/passports_held|weekly_hours|grievance_channels/);

    // Findings of every severity, opened at different times: most severe first, then newest, wherever listed.
    const assessmentId = res.json().assessment.id;
    const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000);
    const extra = (key: string, severity: 'low' | 'medium' | 'critical', createdAt: Date) => ({
      orgId: t.orgA.id,
      supplierId: supplier.id,
      assignmentId: id,
      assessmentId,
      kind: 'criterion' as const,
      key,
      title: key,
      detail: key,
      severity,
      citation: 'Test',
      createdAt,
    });
    await t.owner
      .insert(findings)
      .values([
        extra('low_newest', 'low', at(-1)),
        extra('medium_older', 'medium', at(60)),
        extra('medium_newer', 'medium', at(1)),
        extra('critical_oldest', 'critical', at(120)),
      ]);
    const order = (items: { key: string; severity: string }[]) => items.map((f) => `${f.severity}:${f.key}`);
    const listed = (await officer.get(`/api/suppliers/${supplier.id}/findings`)).json().items;
    expect(order(listed)).toEqual([
      'critical:critical_oldest',
      'high:excessive_overtime',
      'high:identity_documents_retained',
      'high:retention_of_identity_documents',
      'medium:grievance_mechanism',
      'medium:medium_newer',
      'medium:medium_older',
      'low:low_newest',
    ]);
    const reviewed = (await officer.get(`/api/assignments/${id}/answers`)).json().findings;
    expect(order(reviewed)).toEqual(order(listed));
  });

  it("revokes an accepted questionnaire's link (it opens the answers and shared tasks), which cannot be re-issued", async () => {
    const { id, token } = await answered('Closed Rubber');
    expect((await officer.post(`/api/assignments/${id}/accept`, {})).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: `/api/portal/${token}` })).statusCode).toBe(200);
    const revoked = await officer.post(`/api/assignments/${id}/revoke-link`);
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(revoked.json()).toMatchObject({ status: 'accepted', link: { state: 'revoked' } });
    expect((await t.app.inject({ method: 'GET', url: `/api/portal/${token}` })).statusCode).toBe(410);
    expect(
      (await auditOf(t, t.orgA.id)).filter(
        (e) => e.action === 'assignment.link_revoked' && e.entityId === id,
      ),
    ).toHaveLength(1);
    const reissue = await officer.post(`/api/assignments/${id}/reissue-link`);
    expect(reissue.statusCode).toBe(422);
  });

  it('records with each assessment the questionnaire it scored: two accepted within a minute are told apart', async () => {
    const { supplier, id: first } = await answered('Twice Rubber');
    expect((await officer.post(`/api/assignments/${first}/accept`, {})).statusCode).toBe(200);
    const { id: second } = await answeredAgain(supplier, 48);
    const accepted = await officer.post(`/api/assignments/${second}/accept`, {});
    expect(accepted.statusCode, accepted.body).toBe(200);
    // A later rescore scores the latest accepted answers, and says so.
    const edited = (await officer.get(`/api/suppliers/${supplier.id}`)).json();
    await officer.patch(`/api/suppliers/${supplier.id}`, { headcount: 120, revision: edited.revision });

    const items = (await officer.get(`/api/suppliers/${supplier.id}/assessments`)).json().items as {
      trigger: string;
      answersFrom: unknown;
      inputs: { answers: { questionId: string; answerLabel: string }[] };
    }[];
    const hours = (a: (typeof items)[number]) =>
      a.inputs.answers.find((x) => x.questionId === 'weekly_hours')?.answerLabel;
    const from = (assignmentId: string) => ({ assignmentId, templateId, templateVersion: 1 });
    // Newest first: the rescore, the second acceptance, the first, the supplier's creation (no answers).
    expect(items.map((a) => [a.trigger, a.answersFrom, hours(a)])).toEqual([
      ['profile_changed', from(second), '48 hours'],
      ['questionnaire_accepted', from(second), '48 hours'],
      ['questionnaire_accepted', from(first), '70 hours'],
      ['created', null, undefined],
    ]);
  });

  it('what-if scores each supplier with its accepted answers: a stricter red-flag rule moves the flagged one', async () => {
    const { supplier, id } = await answered('What-if Rubber');
    await officer.post(`/api/assignments/${id}/accept`, {});
    const admin = await t.login(t.orgA.admin);
    const published = (await admin.get('/api/policies'))
      .json()
      .items.find((p: { status: string }) => p.status === 'published');
    const draft = (
      await admin.post('/api/policies', { basedOn: published.id, name: 'Stricter passports' })
    ).json();
    const document = structuredClone(draft.document);
    document.redFlags.find((f: { key: string }) => f.key === 'identity_documents_retained').minRating =
      'critical';
    expect(
      (await admin.patch(`/api/policies/${draft.id}`, { document, revision: draft.revision })).statusCode,
    ).toBe(200);
    const whatIf = (await admin.post(`/api/policies/${draft.id}/what-if`)).json();
    const moved = [...whatIf.movers, ...whatIf.bandMovers].map((m: { supplierId: string }) => m.supplierId);
    expect(moved).toContain(supplier.id);
    expect(
      [...whatIf.movers, ...whatIf.bandMovers].find(
        (m: { supplierId: string }) => m.supplierId === supplier.id,
      ).after.rating,
    ).toBe('critical');
  });

  it('keeps review to officers of the organisation, and names bad input', async () => {
    const { id } = await answered('Guarded Rubber');
    const executive = await t.login(t.orgA.executive);
    expect((await executive.get(`/api/assignments/${id}/answers`)).statusCode).toBe(200);
    expect((await executive.post(`/api/assignments/${id}/accept`, {})).statusCode).toBe(403);
    const b = await t.login(t.orgB.admin);
    for (const path of ['answers'])
      expect((await b.get(`/api/assignments/${id}/${path}`)).statusCode).toBe(404);
    expect((await b.post(`/api/assignments/${id}/accept`, {})).statusCode).toBe(404);
    expect(
      (await b.post(`/api/assignments/${id}/return`, { comments: { weekly_hours: 'x' } })).statusCode,
    ).toBe(404);
    expect((await officer.post(`/api/assignments/${randomUUID()}/accept`, {})).statusCode).toBe(404);
    const unanswered = await officer.post(`/api/assignments/${id}/accept`, {
      evidenceAccepted: ['agency_fees'],
    });
    expect(unanswered.statusCode).toBe(400);
    expect(issuePaths(unanswered)).toEqual(['evidenceAccepted']);
    const stale = await officer.post(`/api/assignments/${id}/accept`, { revision: 1 });
    expect(stale.statusCode).toBe(409);
    expect(
      (await officer.post(`/api/assignments/${id}/accept`, { evidenceAccepted: 'all' })).statusCode,
    ).toBe(400);
    expect((await officer.get(`/api/assignments/${id}`)).json().status).toBe('submitted');
  });
});

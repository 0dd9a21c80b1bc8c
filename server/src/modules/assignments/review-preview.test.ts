import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, setupTestApp, type TestContext } from '../../../test/app.js';
import { auditOf, issuePaths } from '../../../test/factories.js';
import { publishSampleTemplate, submittedQuestionnaire } from '../../../test/questionnaires.js';

// The score preview: what accepting would do, computed as accept computes it and written nowhere.

let t: TestContext;
let officer: Client;
let templateId: string;

/** A supplier who submitted the sample questionnaire: passports held, 70 hours a week, a hotline. */
const submitted = (name: string) => submittedQuestionnaire(t, officer, templateId, { name });

const keysOf = (findings: { kind: string; key: string; severity: string }[]) =>
  findings.map((f) => `${f.kind}:${f.key}:${f.severity}`).sort();

beforeAll(async () => {
  t = await setupTestApp();
  officer = await t.login(t.orgA.officer);
  templateId = await publishSampleTemplate(officer);
});
afterAll(() => t?.close());

describe('score preview', () => {
  it('shows what accepting then stores, to the number, and writes nothing itself', async () => {
    const { supplier, id } = await submitted('Preview Rubber');
    const history = async () => (await officer.get(`/api/suppliers/${supplier.id}/assessments`)).json();
    const before = await history();
    const events = (await auditOf(t, t.orgA.id)).length;

    const plain = (await officer.get(`/api/assignments/${id}/preview`)).json();
    const res = await officer.get(`/api/assignments/${id}/preview?evidenceAccepted=grievance_channels`);
    expect(res.statusCode, res.body).toBe(200);
    const preview = res.json();
    expect(preview.evidenceAccepted).toEqual(['grievance_channels']);
    expect(preview.before).toMatchObject({
      rating: before.items[0].rating,
      controlScore: 0,
      residualScore: before.items[0].residualScore,
    });
    // Accepting the hotline's evidence counts it at the evidence weight: the grievance criterion rises.
    const grievance = (p: typeof preview) =>
      p.criteria.find((c: { answers: { questionId: string }[] }) =>
        c.answers.some((a) => a.questionId === 'grievance_channels'),
      );
    expect(grievance(preview).after).toBeGreaterThan(grievance(plain).after);
    expect(grievance(preview).before).toBe(0);
    expect(preview.redFlags.map((f: { key: string; triggeredBy: string }) => f.triggeredBy)).toEqual([
      'passports_held',
    ]);
    expect(keysOf(preview.findings)).toEqual([
      'criterion:excessive_overtime:high',
      'criterion:retention_of_identity_documents:high',
      'red_flag:identity_documents_retained:high',
    ]);

    // Read-only: no assessment, no audit event, the questionnaire still waits.
    expect((await history()).total).toBe(before.total);
    expect((await auditOf(t, t.orgA.id)).length).toBe(events);
    expect((await officer.get(`/api/assignments/${id}`)).json().status).toBe('submitted');

    const accepted = (
      await officer.post(`/api/assignments/${id}/accept`, { evidenceAccepted: ['grievance_channels'] })
    ).json();
    expect(accepted.assignment).toMatchObject({
      status: 'accepted',
      acceptedAt: expect.any(String),
      validUntil: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
    const stored = (await history()).items[0];
    expect(stored.id).toBe(accepted.assessment.id);
    expect({
      rating: stored.rating,
      inherentScore: stored.inherentScore,
      controlScore: stored.controlScore,
      residualScore: stored.residualScore,
      ratingFromScore: stored.result.ratingFromScore,
    }).toEqual(preview.after);
    expect(stored.result.redFlags).toEqual(preview.redFlags);
    expect(keysOf(accepted.findings)).toEqual(keysOf(preview.findings));
    expect(accepted.findings.map((f: { detail: string }) => f.detail).sort()).toEqual(
      preview.findings.map((f: { detail: string }) => f.detail).sort(),
    );
    for (const c of preview.criteria) {
      const line = stored.result.control.criteria.find((s: { key: string }) => s.key === c.key);
      expect(line.effectiveness).toBe(c.after);
      expect(line.answers).toEqual(c.answers);
    }

    const after = await officer.get(`/api/assignments/${id}/preview`);
    expect(after.statusCode).toBe(422);
    expect(after.json().error.message).toMatch(/this one is accepted/);
  });

  it('is for officers of the organisation, and names bad input', async () => {
    const { id } = await submitted('Guarded Preview Rubber');
    const executive = await t.login(t.orgA.executive);
    expect((await executive.get(`/api/assignments/${id}/preview`)).statusCode).toBe(403);
    const admin = await t.login(t.orgA.admin);
    expect((await admin.get(`/api/assignments/${id}/preview`)).statusCode).toBe(200);
    const b = await t.login(t.orgB.admin);
    expect((await b.get(`/api/assignments/${id}/preview`)).statusCode).toBe(404);
    expect((await officer.get(`/api/assignments/${randomUUID()}/preview`)).statusCode).toBe(404);
    expect((await officer.get('/api/assignments/not-a-uuid/preview')).statusCode).toBe(400);

    const malformed = await officer.get(`/api/assignments/${id}/preview?evidenceAccepted=Passports%20Held`);
    expect(malformed.statusCode).toBe(400);
    expect(issuePaths(malformed)).toEqual(['evidenceAccepted']);
    const unanswered = await officer.get(`/api/assignments/${id}/preview?evidenceAccepted=agency_fees`);
    expect(unanswered.statusCode).toBe(400);
    expect(issuePaths(unanswered)).toEqual(['evidenceAccepted']);
    expect(unanswered.json().error.issues[0].message).toMatch(/agency_fees/);
  });
});

import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, setupTestApp, type TestContext } from '../../../test/app.js';
import { createSupplier, issuePaths } from '../../../test/factories.js';
import { publishSampleTemplate, submittedQuestionnaire } from '../../../test/questionnaires.js';

// The supplier page's findings: what accepting a questionnaire opened, for that supplier only.

let t: TestContext;
let officer: Client;
let supplierId: string;

beforeAll(async () => {
  t = await setupTestApp();
  officer = await t.login(t.orgA.officer);
  const templateId = await publishSampleTemplate(officer);
  const { supplier, id } = await submittedQuestionnaire(t, officer, templateId, { name: 'Findings Rubber' });
  supplierId = supplier.id;
  expect((await officer.post(`/api/assignments/${id}/accept`, {})).statusCode).toBe(200);
});
afterAll(() => t?.close());

describe('supplier findings', () => {
  it('lists the open findings with severity, citation and the question behind a red flag', async () => {
    const executive = await t.login(t.orgA.executive);
    const res = await executive.get(`/api/suppliers/${supplierId}/findings`);
    expect(res.statusCode, res.body).toBe(200);
    const { items } = res.json();
    expect(items.map((f: { key: string }) => f.key).sort()).toEqual([
      'excessive_overtime',
      'grievance_mechanism',
      'identity_documents_retained',
      'retention_of_identity_documents',
    ]);
    expect(items.find((f: { kind: string }) => f.kind === 'red_flag')).toMatchObject({
      questionId: 'passports_held',
      status: 'open',
      citation: expect.stringMatching(/\S/),
    });
    expect((await officer.get(`/api/suppliers/${supplierId}/findings?status=closed`)).json().items).toEqual(
      [],
    );
    expect((await officer.get(`/api/suppliers/${supplierId}/findings?status=all`)).json().items).toHaveLength(
      4,
    );
    // Another supplier of the organisation has none.
    const other = await createSupplier(officer, { name: 'Clean Rubber', country: 'MY' });
    expect((await officer.get(`/api/suppliers/${other.id}/findings`)).json().items).toEqual([]);
  });

  it('answers 404 for another organisation or an unknown supplier, and names bad input', async () => {
    const b = await t.login(t.orgB.admin);
    expect((await b.get(`/api/suppliers/${supplierId}/findings`)).statusCode).toBe(404);
    expect((await officer.get(`/api/suppliers/${randomUUID()}/findings`)).statusCode).toBe(404);
    const bad = await officer.get(`/api/suppliers/${supplierId}/findings?status=resolved`);
    expect(bad.statusCode).toBe(400);
    expect(issuePaths(bad)).toEqual(['status']);
    const badId = await officer.get('/api/suppliers/123/findings');
    expect(badId.statusCode).toBe(400);
    expect(issuePaths(badId)).toEqual(['id']);
  });
});

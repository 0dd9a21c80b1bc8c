import { expect } from 'vitest';
import { SAMPLE_TEMPLATE } from '#shared/domain/questionnaires/fixtures/sample-template.js';
import type { Client, TestContext } from './app.js';
import { createSupplier } from './factories.js';

// ---- Questionnaires: a published template, and a supplier's submitted answers to it -----------------------

/** The sample questionnaire, created as a draft and published by `officer`: the published version's id. */
export const publishSampleTemplate = async (officer: Client): Promise<string> => {
  const draft = (
    await officer.post('/api/templates', { name: 'Sample', definition: SAMPLE_TEMPLATE })
  ).json();
  return (await officer.post(`/api/templates/${draft.id}/publish`)).json().id;
};

/** A link's token, from the portal URL the officer is shown. */
export const tokenOf = (portalUrl: string): string => portalUrl.slice(portalUrl.lastIndexOf('/') + 1);

/** What the submitted supplier answers: passports held, no agencies, 70 hours a week, a hotline. */
const SUBMITTED_ANSWERS = [
  ['passports_held', 'yes'],
  ['uses_agencies', 'no'],
  ['weekly_hours', 70],
  ['grievance_channels', ['hotline']],
] as const;

/**
 * A supplier (in Malaysia, making rubber gloves, unless `supplier` says otherwise) sent the published sample
 * questionnaire `templateId`, due in 14 days, who answered it through its link (passports held, 70 hours a
 * week, a hotline) and submitted it. Each step is expected to succeed.
 */
export const submittedQuestionnaire = async (
  t: TestContext,
  officer: Client,
  templateId: string,
  supplier: Record<string, unknown>,
) => {
  const created = await createSupplier(officer, { country: 'MY', goods: ['rubber gloves'], ...supplier });
  const dueDate = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
  const sent = await officer.post('/api/assignments', { templateId, supplierIds: [created.id], dueDate });
  expect(sent.statusCode, sent.body).toBe(201);
  const item = sent.json().items[0];
  const token = tokenOf(item.portalUrl);
  for (const [q, value] of SUBMITTED_ANSWERS) {
    const res = await t.app.inject({
      method: 'PUT',
      url: `/api/portal/${token}/answers/${q}`,
      payload: { value },
    });
    expect(res.statusCode, res.body).toBe(200);
  }
  const submitted = await t.app.inject({ method: 'POST', url: `/api/portal/${token}/submit` });
  expect(submitted.statusCode, submitted.body).toBe(200);
  return { supplier: created, id: item.id as string, token };
};

import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Supplier } from '#shared/schemas/suppliers.js';
import { json, mockFetch } from '../../../../test/fetch-mock.js';
import { makeSession } from '../../../../test/fixtures.js';
import { renderApp } from '../../../../test/render.js';
import { makeAssessment, makeSupplier, profileOf } from '../../../../test/supplier-fixtures.js';
import { makeTemplate, TEMPLATE_ID } from '../../../../test/template-fixtures.js';

// The supplier page cites the question and answer behind each scored answer and red flag, and lists the
// open findings.

const ASSIGNMENT_ID = '77777777-7777-4777-8777-000000000009';
const base = makeSupplier({ name: 'Glove Works', country: 'MY', goods: ['rubber gloves'] });
const current = makeAssessment(
  base.id,
  profileOf(base),
  [
    {
      questionId: 'passports_held',
      criterionKey: 'retention_of_identity_documents',
      answerLabel: 'Yes',
      pointsEarned: 0,
      maxPoints: 10,
      evidenceBacked: false,
      redFlag: 'identity_documents_retained',
    },
  ],
  { createdAt: '2026-11-21T09:00:00.500Z', trigger: 'questionnaire_accepted' },
);
const supplier: Supplier = {
  ...base,
  risk: {
    assessmentId: current.id,
    rating: current.rating,
    inherentScore: current.inherentScore,
    residualScore: current.residualScore,
    assessedAt: current.createdAt,
    policyVersion: 1,
  },
};
const accepted = {
  id: ASSIGNMENT_ID,
  supplierId: base.id,
  supplierName: base.name,
  templateId: TEMPLATE_ID,
  templateName: 'Self-assessment',
  templateVersion: 1,
  status: 'accepted',
  dueDate: '2026-12-01',
  overdue: false,
  message: '',
  locale: 'en',
  progress: { answered: 4, required: 4, percent: 100 },
  link: { state: 'expired', expiresAt: null, recipient: null },
  sentAt: '2026-11-01T09:00:00.000Z',
  submittedAt: '2026-11-20T09:00:00.000Z',
  acceptedAt: '2026-11-21T09:00:00.000Z',
  validUntil: '2027-11-21',
  reminders: { sent: [], next: null },
  recurrence: null,
  previousId: null,
  nextId: null,
  createdAt: '2026-11-01T09:00:00.000Z',
  updatedAt: '2026-11-21T09:00:00.000Z',
  revision: 9,
};

describe('supplier page: answers cited, findings listed', () => {
  it('names the question and answer behind a red flag and the control score, and lists open findings', async () => {
    const { find } = mockFetch({
      'GET /api/me': () => json(200, makeSession('executive')),
      [`GET /api/suppliers/${base.id}`]: () => json(200, supplier),
      [`GET /api/suppliers/${base.id}/assessments`]: () =>
        json(200, { items: [current], total: 1, limit: 20, offset: 0 }),
      [`GET /api/suppliers/${base.id}/tree`]: () =>
        json(200, {
          id: base.id,
          name: base.name,
          country: 'MY',
          tier: 1,
          rating: null,
          moreBelow: false,
          children: [],
        }),
      'GET /api/assignments': () => json(200, { items: [accepted], total: 1, limit: 20, offset: 0 }),
      [`GET /api/templates/${TEMPLATE_ID}`]: () => json(200, makeTemplate()),
      [`GET /api/suppliers/${base.id}/findings`]: () =>
        json(200, {
          items: [
            {
              id: '99999999-0000-4000-8000-000000000001',
              supplierId: base.id,
              assignmentId: ASSIGNMENT_ID,
              assessmentId: current.id,
              kind: 'red_flag',
              key: 'identity_documents_retained',
              title: 'Identity documents retained',
              detail: 'Raised by the answer to passports_held.',
              severity: 'critical',
              questionId: 'passports_held',
              citation: 'ILO indicator: retention of identity documents',
              status: 'open',
              createdAt: '2026-11-21T09:00:00.000Z',
            },
          ],
        }),
    });
    renderApp(`/suppliers/${base.id}`);
    const risk = await screen.findByRole('region', { name: 'Current risk' }, { timeout: 10_000 });
    const flag = (await within(risk).findAllByText('“Do you hold passports?”'))[0]!.closest(
      'li',
    ) as HTMLElement;
    expect(flag.textContent).toContain('Yes');
    const link = within(flag).getByRole('link', { name: /Self-assessment v1, accepted/ });
    expect(link.getAttribute('href')).toBe(`/questionnaires/assignments/${ASSIGNMENT_ID}`);
    const scored = within(risk).getByRole('region', { name: 'Answers behind the control score' });
    expect(scored.textContent).toMatch(/1 scored answer from Self-assessment v1/);
    expect(scored.textContent).toMatch(/Confidence in the answers/);

    const findings = await screen.findByRole('region', { name: /Open findings \(1\)/ });
    expect(within(findings).getByText('Identity documents retained')).toBeTruthy();
    expect(findings.textContent).toContain('Critical');
    expect(findings.textContent).toContain('ILO indicator: retention of identity documents');
    expect(find('GET', '/api/assignments')[0]?.query.get('supplierId')).toBe(base.id);
  });
});

import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AssignmentPreview } from '#shared/schemas/assignment-review.js';
import type { Assignment } from '#shared/schemas/assignments.js';
import { apiError, json, mockFetch, type RecordedRequest } from '../../../../test/fetch-mock.js';
import { makeSession } from '../../../../test/fixtures.js';
import { makeTemplate, TEMPLATE_ID } from '../../../../test/template-fixtures.js';

const ID = '77777777-7777-4777-8777-000000000001';
const SUPPLIER = '55555555-5555-4555-8555-000000000001';
const ASSESSMENT = '66666666-6666-4666-8666-000000000001';

const assignment = (over: Partial<Assignment> = {}): Assignment => ({
  id: ID,
  supplierId: SUPPLIER,
  supplierName: 'Glove Works Sdn Bhd',
  templateId: TEMPLATE_ID,
  templateName: 'Self-assessment',
  templateVersion: 1,
  status: 'submitted',
  dueDate: '2026-12-20',
  overdue: false,
  message: '',
  locale: 'en',
  progress: { answered: 5, required: 5, percent: 100 },
  link: { state: 'live', expiresAt: '2027-01-20T00:00:00.000Z', recipient: 'ops@glove.example' },
  sentAt: '2026-11-01T09:00:00.000Z',
  submittedAt: '2026-11-20T09:00:00.000Z',
  acceptedAt: null,
  validUntil: null,
  reminders: { sent: [], next: null },
  recurrence: null,
  previousId: null,
  nextId: null,
  createdAt: '2026-11-01T09:00:00.000Z',
  updatedAt: '2026-11-20T09:00:00.000Z',
  revision: 7,
  ...over,
});

const answer = (questionId: string, value: string | number | string[], label: string, counted = true) => ({
  questionId,
  value,
  label,
  counted,
  updatedAt: '2026-11-19T09:00:00.000Z',
});

const finding = {
  kind: 'red_flag' as const,
  key: 'identity_documents_retained',
  title: 'Identity documents retained',
  detail: 'Raised by the answer to passports_held.',
  severity: 'high' as const,
  questionId: 'passports_held',
  citation: 'ILO indicator 8: retention of identity documents',
};

const answersBody = (over: Partial<Assignment> = {}, findings: unknown[] = []) => ({
  assignment: assignment(over),
  answers: [
    answer('passports_held', 'yes', 'Yes'),
    answer('uses_agencies', 'no', 'No'),
    answer('agency_fees', 'workers', 'Workers', false),
    answer('weekly_hours', 70, '70 hours'),
    answer('grievance_channels', ['hotline'], 'Hotline'),
  ],
  reviewComments: {},
  findings,
  evidence: [
    {
      id: '88888888-8888-4888-8888-000000000001',
      questionId: 'weekly_hours',
      fileName: 'time-records.pdf',
      mediaType: 'application/pdf',
      size: 20480,
      sha256: 'a'.repeat(64),
      createdAt: '2026-11-19T09:00:00.000Z',
    },
  ],
});

const preview = (req: RecordedRequest): AssignmentPreview => {
  const withHours = (req.query.get('evidenceAccepted') ?? '').split(',').includes('weekly_hours');
  return {
    assignmentId: ID,
    policyVersion: 3,
    evidenceAccepted: withHours ? ['weekly_hours'] : [],
    before: {
      rating: 'medium',
      inherentScore: 60,
      controlScore: 0,
      residualScore: 60,
      assessedAt: '2026-11-01T09:00:00.000Z',
      policyVersion: 3,
    },
    after: {
      rating: 'high',
      ratingFromScore: 'medium',
      inherentScore: 60,
      controlScore: withHours ? 41.5 : 30.25,
      residualScore: withHours ? 45 : 50,
    },
    criteria: [
      {
        key: 'excessive_overtime',
        name: 'Excessive overtime',
        group: 'ilo_indicator',
        citation: 'ILO indicator 11',
        before: 0,
        after: withHours ? 12.5 : 0,
        answers: [],
      },
    ],
    redFlags: [
      {
        key: 'identity_documents_retained',
        name: 'Identity documents retained',
        minRating: 'high',
        citation: 'ILO indicator 8',
        triggeredBy: 'passports_held',
      },
    ],
    findings: [finding],
  };
};

const routes = (over: Record<string, (r: RecordedRequest) => Response> = {}) => ({
  'GET /api/me': () => json(200, makeSession('officer')),
  [`GET /api/assignments/${ID}/answers`]: () => json(200, answersBody()),
  [`GET /api/templates/${TEMPLATE_ID}`]: () => json(200, makeTemplate()),
  [`GET /api/assignments/${ID}/preview`]: (r: RecordedRequest) => json(200, preview(r)),
  ...over,
});

const questionItem = (label: string) => screen.getByText(label).closest('li') as HTMLElement;

const { renderApp } = await import('../../../../test/render.js');

describe('questionnaire review', () => {
  it('shows each answer with its question, greys hidden answers and highlights red flags', async () => {
    mockFetch(routes());
    renderApp(`/questionnaires/assignments/${ID}`);
    // The first render loads the lazy page: allow it time.
    expect(
      await screen.findByRole('heading', { name: 'Review: Glove Works Sdn Bhd' }, { timeout: 10_000 }),
    ).toBeTruthy();
    const passports = questionItem('Do you hold passports?');
    expect(passports.textContent).toContain('Yes');
    expect(within(passports).getByText('Red flag: Identity documents retained')).toBeTruthy();
    expect(passports.className).toContain('is-red-flag');
    const hours = questionItem('Usual weekly hours');
    expect(hours.textContent).toContain('70 hours');
    expect(within(hours).getByRole('link', { name: 'time-records.pdf' }).getAttribute('href')).toBe(
      `/api/assignments/${ID}/evidence/88888888-8888-4888-8888-000000000001`,
    );
    expect(hours.textContent).toMatch(/20(\.0)?\s?[kK]i?B/);
    const hidden = screen.getByText('Workers').closest('li') as HTMLElement;
    expect(within(hidden).getByText('Not counted: hidden by an earlier answer')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Labour' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Conditions' })).toBeTruthy();
  });

  it('shows a file question by its files, not by the ids its answer stores', async () => {
    const fileId = '88888888-8888-4888-8888-000000000002';
    const body = answersBody();
    body.answers.push(answer('policy_file', fileId, fileId));
    body.evidence.push({
      ...body.evidence[0]!,
      id: fileId,
      questionId: 'policy_file',
      fileName: 'policy.pdf',
    });
    mockFetch(routes({ [`GET /api/assignments/${ID}/answers`]: () => json(200, body) }));
    renderApp(`/questionnaires/assignments/${ID}`);
    await screen.findByRole('heading', { name: 'Review: Glove Works Sdn Bhd' }, { timeout: 10_000 });
    const policy = questionItem('Your policy');
    expect(within(policy).getByRole('link', { name: 'policy.pdf' })).toBeTruthy();
    expect(policy.textContent).not.toContain(fileId);
  });

  it('refreshes the preview when evidence is accepted', async () => {
    const { find } = mockFetch(routes());
    const { user } = renderApp(`/questionnaires/assignments/${ID}`);
    const panel = await screen.findByRole('region', { name: 'If you accept' });
    await within(panel).findByText('30.25');
    expect(within(panel).getByText('Excessive overtime')).toBeTruthy();
    // The red flag, and the finding it opens.
    expect(within(panel).getAllByText('Identity documents retained')).toHaveLength(2);
    await user.click(screen.getByRole('checkbox', { name: /Accept this evidence/ }));
    await within(panel).findByText('41.5');
    expect(find('GET', `/api/assignments/${ID}/preview`).at(-1)?.query.get('evidenceAccepted')).toBe(
      'weekly_hours',
    );
  });

  it('returns only with a comment, and sends the comments per question', async () => {
    const { find } = mockFetch(
      routes({
        [`POST /api/assignments/${ID}/return`]: () =>
          json(200, assignment({ status: 'returned', revision: 8 })),
      }),
    );
    const { user } = renderApp(`/questionnaires/assignments/${ID}`);
    const back = await screen.findByRole('button', { name: /Return to the supplier/ });
    await user.click(back);
    expect(await screen.findByText(/Write a comment on at least one question/)).toBeTruthy();
    expect(find('POST', `/api/assignments/${ID}/return`)).toHaveLength(0);

    const hours = questionItem('Usual weekly hours');
    await user.click(within(hours).getByText('Comment for the supplier'));
    await user.type(
      within(hours).getByLabelText(/What should the supplier change/),
      'Attach a month of records',
    );
    await user.click(screen.getByRole('button', { name: /Return to the supplier \(1 comment\)/ }));
    await screen.findByText(/Returned: the supplier can change/);
    const sent = find('POST', `/api/assignments/${ID}/return`)[0];
    expect(sent?.body).toEqual({ comments: { weekly_hours: 'Attach a month of records' }, revision: 7 });
    expect(sent?.headers.get('if-match')).toBe('"7"');
  });

  it('stops a recurrence after confirming, with the revision seen; not offered to an executive', async () => {
    const recurring = { status: 'accepted' as const, recurrence: { kind: 'on_expiry' as const } };
    let current = answersBody(recurring);
    const { find } = mockFetch(
      routes({
        [`GET /api/assignments/${ID}/answers`]: () => json(200, current),
        [`POST /api/assignments/${ID}/stop-recurrence`]: () => {
          current = answersBody({ status: 'accepted', recurrence: null, revision: 8 });
          return json(200, current.assignment);
        },
      }),
    );
    const { user } = renderApp(`/questionnaires/assignments/${ID}`);
    await screen.findByText(/Sent again automatically before the accepted answers expire/, undefined, {
      timeout: 10_000,
    });
    await user.click(screen.getByRole('button', { name: 'Stop repeating' }));
    const dialog = await screen.findByRole('alertdialog');
    expect(dialog.textContent).toMatch(/will not be sent again/);
    expect(find('POST', `/api/assignments/${ID}/stop-recurrence`)).toHaveLength(0);
    await user.click(within(dialog).getByRole('button', { name: 'Stop repeating' }));
    await waitFor(() => expect(screen.queryByText(/Sent again automatically/)).toBeNull());
    const sent = find('POST', `/api/assignments/${ID}/stop-recurrence`);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.headers.get('if-match')).toBe('"7"');
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });

  it('offers no "Stop repeating" to an executive', async () => {
    mockFetch(
      routes({
        'GET /api/me': () => json(200, makeSession('executive')),
        [`GET /api/assignments/${ID}/answers`]: () =>
          json(200, answersBody({ status: 'accepted', recurrence: { kind: 'every_months', months: 6 } })),
      }),
    );
    renderApp(`/questionnaires/assignments/${ID}`);
    await screen.findByText(/Sent again automatically every 6 months/, undefined, { timeout: 10_000 });
    expect(screen.queryByRole('button', { name: 'Stop repeating' })).toBeNull();
  });

  it('accepts after confirming, and shows the assessment and the findings it opened', async () => {
    const { find } = mockFetch(
      routes({
        [`POST /api/assignments/${ID}/accept`]: () =>
          json(200, {
            assignment: assignment({ status: 'accepted', acceptedAt: '2026-11-30T09:00:00.000Z' }),
            assessment: { id: ASSESSMENT, rating: 'high', residualScore: 50, controlScore: 30.25 },
            findings: [
              {
                ...finding,
                id: '99999999-0000-4000-8000-000000000001',
                supplierId: SUPPLIER,
                assignmentId: ID,
                assessmentId: ASSESSMENT,
                status: 'open',
                createdAt: '2026-11-30T09:00:00.000Z',
              },
            ],
          }),
      }),
    );
    const { user } = renderApp(`/questionnaires/assignments/${ID}`);
    await screen.findByText('30.25');
    await user.click(screen.getByRole('button', { name: 'Accept answers…' }));
    const dialog = await screen.findByRole('alertdialog');
    expect(dialog.textContent).toMatch(/rated High.*1 finding opens/s);
    const previews = () => find('GET', `/api/assignments/${ID}/preview`).length;
    const previewsBefore = previews();
    await user.click(within(dialog).getByRole('button', { name: 'Accept and score' }));
    const done = await screen.findByRole('region', { name: 'Accepted' });
    // A decided questionnaire has no preview (the server answers 422): it is not asked for again.
    expect(previews()).toBe(previewsBefore);
    expect(within(done).getByText('Identity documents retained')).toBeTruthy();
    expect(
      within(done)
        .getByRole('link', { name: /Glove Works Sdn Bhd’s risk/ })
        .getAttribute('href'),
    ).toBe(`/suppliers/${SUPPLIER}`);
    expect(find('POST', `/api/assignments/${ID}/accept`)[0]?.body).toEqual({
      evidenceAccepted: [],
      revision: 7,
    });
  });

  it('says plainly when someone else acted first, and reloads', async () => {
    let loads = 0;
    mockFetch(
      routes({
        [`GET /api/assignments/${ID}/answers`]: () => {
          loads++;
          return json(200, answersBody());
        },
        [`POST /api/assignments/${ID}/accept`]: () =>
          json(409, {
            error: {
              code: 'conflict',
              message:
                'Someone else changed this questionnaire after you loaded it (it is now at revision 8).',
              requestId: 'r',
              current: assignment({ revision: 8 }),
            },
          }),
      }),
    );
    const { user } = renderApp(`/questionnaires/assignments/${ID}`);
    await screen.findByText('30.25');
    await user.click(screen.getByRole('button', { name: 'Accept answers…' }));
    await user.click(
      within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Accept and score' }),
    );
    expect(await screen.findByText(/Someone else acted on this questionnaire/)).toBeTruthy();
    await waitFor(() => expect(loads).toBeGreaterThan(1));
  });

  it('shows an accepted questionnaire read-only with the findings it opened', async () => {
    mockFetch(
      routes({
        [`GET /api/assignments/${ID}/answers`]: () =>
          json(
            200,
            answersBody(
              { status: 'accepted', acceptedAt: '2026-11-21T09:00:00.000Z', validUntil: '2027-11-21' },
              [
                {
                  ...finding,
                  id: '99999999-0000-4000-8000-000000000001',
                  supplierId: SUPPLIER,
                  assignmentId: ID,
                  assessmentId: ASSESSMENT,
                  status: 'open',
                  createdAt: '2026-11-21T09:00:00.000Z',
                },
              ],
            ),
          ),
        [`GET /api/suppliers/${SUPPLIER}/assessments`]: () =>
          json(200, { items: [], total: 0, limit: 50, offset: 0 }),
        [`GET /api/assignments/${ID}/preview`]: () => apiError(422, 'unprocessable', 'not submitted'),
      }),
    );
    renderApp(`/questionnaires/assignments/${ID}`);
    const done = await screen.findByRole('region', { name: /Accepted on/ });
    expect(within(done).getByText('Identity documents retained')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Return to the supplier/ })).toBeNull();
    expect(screen.queryByRole('checkbox')).toBeNull();
    expect(screen.queryByText('Comment for the supplier')).toBeNull();
  });
});

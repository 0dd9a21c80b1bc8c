import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Policy } from '#shared/schemas/policy.js';
import { apiError, json, mockFetch } from '../../../../test/fetch-mock.js';
import { makeSession } from '../../../../test/fixtures.js';
import { DRAFT_ID, makeDraft, makePolicy } from '../../../../test/policy-fixtures.js';
import { renderApp } from '../../../../test/render.js';

const published = makePolicy();
const draft = makeDraft();

const routes = (patch: (body: unknown) => Response) => ({
  'GET /api/me': () => json(200, makeSession('admin')),
  'GET /api/policies': () => json(200, { items: [published, draft] }),
  [`GET /api/policies/${DRAFT_ID}`]: () => json(200, draft),
  [`PATCH /api/policies/${DRAFT_ID}`]: (request: { body: unknown }) => patch(request.body),
});

const setNumber = async (user: ReturnType<typeof renderApp>['user'], label: string, value: string) => {
  const input = await screen.findByLabelText(label);
  await user.clear(input);
  await user.type(input, value);
};

// The form has some 150 boxes; on a busy two-core machine rendering and typing into it can pass 5 s.
describe('PolicyForm', { timeout: 20_000 }, () => {
  it('shows the schema message for bands that do not increase, and sends nothing', async () => {
    const { find } = mockFetch(routes(() => json(200, draft)));
    const { user } = renderApp(`/policies/${DRAFT_ID}/edit`);

    await setNumber(user, 'GSI band 3 starts at (people per 1,000)', '2');
    await user.click(screen.getByRole('button', { name: 'Save draft' }));

    expect(await screen.findByText('Band starts must increase: 2 is not above 3')).toBeTruthy();
    const input = screen.getByLabelText('GSI band 3 starts at (people per 1,000)');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(find('PATCH', `/api/policies/${DRAFT_ID}`)).toHaveLength(0);
  });

  it('checks rating bands in order before any request', async () => {
    const { find } = mockFetch(routes(() => json(200, draft)));
    const { user } = renderApp(`/policies/${DRAFT_ID}/edit`);

    await setNumber(user, "Rating band 'high' starts at", '20');
    await user.click(screen.getByRole('button', { name: 'Save draft' }));

    expect(await screen.findByText('Must be above the medium threshold (25)')).toBeTruthy();
    expect(find('PATCH', `/api/policies/${DRAFT_ID}`)).toHaveLength(0);
  });

  it('puts a server validation issue on its field', async () => {
    const { find } = mockFetch(
      routes(() =>
        apiError(400, 'validation_failed', 'Check the body: document.ratingBands.high', [
          { path: 'document.ratingBands.high', message: 'Must be above the medium threshold (60)' },
        ]),
      ),
    );
    const { user } = renderApp(`/policies/${DRAFT_ID}/edit`);

    await setNumber(user, "Rating band 'high' starts at", '55');
    await user.click(screen.getByRole('button', { name: 'Save draft' }));

    expect(await screen.findByText('Must be above the medium threshold (60)')).toBeTruthy();
    const high = screen.getByLabelText("Rating band 'high' starts at");
    expect(high.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(high);
    const [request] = find('PATCH', `/api/policies/${DRAFT_ID}`);
    const body = request?.body as { name: string; document: Policy['document'] };
    expect(body.name).toBe('2026 policy');
    expect(body.document.ratingBands).toEqual({ medium: 25, high: 55, critical: 75 });
    expect(request?.headers.get('x-csrf-token')).toBe('csrf-token-123');
  });

  it('saves a changed weight and reports it', async () => {
    const saved = makeDraft({
      document: { ...draft.document, criteria: draft.document.criteria.map((c) => ({ ...c })) },
    });
    const { find } = mockFetch(routes(() => json(200, saved)));
    const { user } = renderApp(`/policies/${DRAFT_ID}/edit`);

    await setNumber(user, "Criterion 'Grievance mechanism' weight", '9');
    expect(screen.getByText('Unsaved changes')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Save draft' }));

    expect(await screen.findByText(/Draft saved/)).toBeTruthy();
    const body = find('PATCH', `/api/policies/${DRAFT_ID}`)[0]?.body as { document: Policy['document'] };
    expect(body.document.criteria.find((c) => c.key === 'grievance_mechanism')?.weight).toBe(9);
    // The form has no boxes for the questionnaire schedule or answer validity yet: a save must keep them.
    expect(body.document.answerValidityMonths).toBe(12);
    expect(body.document.questionnaireSchedule).toEqual(draft.document.questionnaireSchedule);
    expect(body.document.questionnaireSchedule).toBeDefined();
    await waitFor(() => expect(screen.queryByText('Unsaved changes')).toBeNull());
  });

  it('edits the parameters added in engine 1.1.0: unknown-data floor, downstream rule, listed elsewhere, GSI factors', async () => {
    const { find } = mockFetch(routes(() => json(200, draft)));
    const { user } = renderApp(`/policies/${DRAFT_ID}/edit`);

    await setNumber(user, 'when country data covers less than (0–1)', '1.5');
    await user.click(screen.getByRole('button', { name: 'Save draft' }));
    expect(await screen.findByText('Must be between 0 and 1')).toBeTruthy();
    expect(find('PATCH', `/api/policies/${DRAFT_ID}`)).toHaveLength(0);

    await setNumber(user, 'when country data covers less than (0–1)', '0.6');
    await user.selectOptions(screen.getByLabelText('Rate at least'), 'high');
    await user.selectOptions(screen.getByLabelText('A good listed because of its input scores'), 'fixed');
    await setNumber(user, 'On the list, but only for other countries', '20');
    expect(screen.getByRole('group', { name: 'Vulnerability to modern slavery (GSI)' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Save draft' }));

    await waitFor(() => expect(find('PATCH', `/api/policies/${DRAFT_ID}`)).toHaveLength(1));
    const body = find('PATCH', `/api/policies/${DRAFT_ID}`)[0]?.body as { document: Policy['document'] };
    expect(body.document.unknownData).toEqual({ minRating: 'high', minCountryCoverage: 0.6 });
    expect(body.document.inherent.goods.downstreamRule).toBe('fixed');
    expect(body.document.inherent.goods.listedElsewherePoints).toBe(20);
  });

  it('asks before leaving with unsaved changes', async () => {
    mockFetch(routes(() => json(200, draft)));
    const { user, router } = renderApp(`/policies/${DRAFT_ID}/edit`);

    await setNumber(user, 'Reassessment interval (months)', '6');
    await user.click(screen.getByRole('link', { name: 'Document' }));

    const dialog = await screen.findByRole('alertdialog', { name: 'Leave without saving?' });
    expect(router.state.location.pathname).toBe(`/policies/${DRAFT_ID}/edit`);
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect((screen.getByLabelText('Reassessment interval (months)') as HTMLInputElement).value).toBe('6');

    await user.click(screen.getByRole('link', { name: 'Document' }));
    await user.click(await screen.findByRole('button', { name: 'Leave and discard' }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/policies/${DRAFT_ID}`));
  });
});

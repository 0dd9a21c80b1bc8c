import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Policy } from '#shared/schemas/policy.js';
import { json, mockFetch, type RecordedRequest } from '../../../../test/fetch-mock.js';
import { makeSession } from '../../../../test/fixtures.js';
import { DRAFT_ID, makeDraft, makePolicy, policyDocument } from '../../../../test/policy-fixtures.js';
import { renderApp } from '../../../../test/render.js';

const published = makePolicy();
const loaded = makeDraft({ revision: 1 });
// Someone else moved the 'high' band and the reassessment interval, and saved first.
const theirs: Policy = makeDraft({
  revision: 2,
  document: policyDocument((doc) => {
    doc.name = '2026 policy';
    doc.ratingBands.high = 60;
    doc.reassessmentMonths = 18;
  }),
});

const value = (label: string) => (screen.getByLabelText(label) as HTMLInputElement).value;

const setNumber = async (user: ReturnType<typeof renderApp>['user'], label: string, to: string) => {
  const input = await screen.findByLabelText(label);
  await user.clear(input);
  await user.type(input, to);
};

describe('PolicyForm when someone else saved the draft meanwhile', { timeout: 30_000 }, () => {
  it('offers to load their draft with the person’s own changes on top, and saves from their revision', async () => {
    let patches = 0;
    const { find } = mockFetch({
      'GET /api/me': () => json(200, makeSession('admin')),
      'GET /api/policies': () => json(200, { items: [published, patches ? theirs : loaded] }),
      [`GET /api/policies/${DRAFT_ID}`]: () => json(200, patches ? theirs : loaded),
      [`PATCH /api/policies/${DRAFT_ID}`]: (req: RecordedRequest) => {
        patches += 1;
        if (patches === 1) {
          return json(409, {
            error: {
              code: 'conflict',
              message: 'Someone else changed this policy after you loaded it (it is now at revision 2).',
              requestId: 'req-test',
              current: theirs,
            },
          });
        }
        const body = req.body as { document: Policy['document'] };
        return json(200, { ...theirs, document: body.document, revision: 3 });
      },
    });
    const { user } = renderApp(`/policies/${DRAFT_ID}/edit`);

    await setNumber(user, "Criterion 'Grievance mechanism' weight", '9');
    await setNumber(user, 'Reassessment interval (months)', '6');
    await user.click(screen.getByRole('button', { name: 'Save draft' }));

    await screen.findByText('Someone else changed this policy draft while you were editing it');
    expect(screen.getByText(/You both changed/)).toBeTruthy();
    expect(find('PATCH', `/api/policies/${DRAFT_ID}`)[0]?.headers.get('if-match')).toBe('"1"');
    expect(screen.queryByText(/Draft saved/)).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Load their version and keep my changes' }));
    expect(value("Rating band 'high' starts at")).toBe('60');
    expect(value("Criterion 'Grievance mechanism' weight")).toBe('9');
    expect(value('Reassessment interval (months)')).toBe('6');
    expect(screen.getByText('The latest policy draft is loaded, with your changes on top')).toBeTruthy();
    expect(screen.getByText('Unsaved changes')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Save draft' }));
    await waitFor(() => expect(find('PATCH', `/api/policies/${DRAFT_ID}`)).toHaveLength(2));
    const second = find('PATCH', `/api/policies/${DRAFT_ID}`)[1]!;
    expect(second.headers.get('if-match')).toBe('"2"');
    const document = (second.body as { document: Policy['document'] }).document;
    expect(document.ratingBands.high).toBe(60);
    expect(document.reassessmentMonths).toBe(6);
    expect(document.criteria.find((c) => c.key === 'grievance_mechanism')?.weight).toBe(9);
    expect(await screen.findByText(/Draft saved/)).toBeTruthy();
  });
});

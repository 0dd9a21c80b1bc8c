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
    // Settings not touched are saved as they were, the questionnaire ones included.
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

  describe('Questionnaires', () => {
    const scheduleGroup = () => screen.getByRole('group', { name: 'Reminders and re-sending' });
    const validityGroup = () => screen.getByRole('group', { name: 'Answer validity' });
    const defaultBox = (group: HTMLElement) =>
      within(group).getByRole('checkbox', { name: 'Use the default' });
    const sentDocument = (find: ReturnType<typeof mockFetch>['find']) =>
      (find('PATCH', `/api/policies/${DRAFT_ID}`)[0]!.body as { document: Record<string, unknown> }).document;

    it('saves edited reminder days and overdue settings', async () => {
      const { find } = mockFetch(routes(() => json(200, draft)));
      const { user } = renderApp(`/policies/${DRAFT_ID}/edit`);

      const days = await screen.findByLabelText('Reminders before the due date (days)');
      expect((days as HTMLInputElement).value).toBe('7, 3, 1');
      await user.clear(days);
      await user.type(days, '14, 5,');
      expect((days as HTMLInputElement).value).toBe('14, 5,');
      await setNumber(user, 'When overdue, remind every (days)', '3');
      await setNumber(user, 'Overdue reminders, at most', '2');
      await setNumber(user, 'Send recurring questionnaires again (days before due)', '45');
      await setNumber(user, 'Accepted answers count for (months)', '24');
      await user.click(screen.getByRole('button', { name: 'Save draft' }));

      await waitFor(() => expect(find('PATCH', `/api/policies/${DRAFT_ID}`)).toHaveLength(1));
      const document = sentDocument(find);
      expect(document.questionnaireSchedule).toEqual({
        reminderDaysBefore: [14, 5],
        overdueEveryDays: 3,
        overdueMaxReminders: 2,
        recurrenceLeadDays: 45,
      });
      expect(document.answerValidityMonths).toBe(24);
    });

    it('leaves both settings out of a policy that uses the defaults, and offers to set them', async () => {
      const { answerValidityMonths: _v, questionnaireSchedule: _s, ...rest } = draft.document;
      const bare = makeDraft({ document: rest });
      const { find } = mockFetch({
        ...routes(() => json(200, bare)),
        [`GET /api/policies/${DRAFT_ID}`]: () => json(200, bare),
      });
      const { user } = renderApp(`/policies/${DRAFT_ID}/edit`);

      await screen.findByRole('group', { name: 'Reminders and re-sending' });
      expect((defaultBox(scheduleGroup()) as HTMLInputElement).checked).toBe(true);
      expect((defaultBox(validityGroup()) as HTMLInputElement).checked).toBe(true);
      expect(within(scheduleGroup()).getByText(/no reminders are sent/)).toBeTruthy();
      expect(screen.queryByLabelText('Reminders before the due date (days)')).toBeNull();

      // Setting a schedule and going back to the default is no change at all.
      await user.click(defaultBox(scheduleGroup()));
      expect((screen.getByLabelText('Reminders before the due date (days)') as HTMLInputElement).value).toBe(
        '7, 3, 1',
      );
      expect(screen.getByText('Unsaved changes')).toBeTruthy();
      await user.click(defaultBox(scheduleGroup()));
      expect(screen.queryByText('Unsaved changes')).toBeNull();

      await setNumber(user, "Criterion 'Grievance mechanism' weight", '9');
      await user.click(screen.getByRole('button', { name: 'Save draft' }));
      await waitFor(() => expect(find('PATCH', `/api/policies/${DRAFT_ID}`)).toHaveLength(1));
      const document = sentDocument(find);
      expect('questionnaireSchedule' in document).toBe(false);
      expect('answerValidityMonths' in document).toBe(false);
    });

    it('removes a schedule the policy had when "Use the default" is ticked', async () => {
      const { find } = mockFetch(routes(() => json(200, draft)));
      const { user } = renderApp(`/policies/${DRAFT_ID}/edit`);

      await screen.findByRole('group', { name: 'Reminders and re-sending' });
      await user.click(defaultBox(scheduleGroup()));
      await user.click(defaultBox(validityGroup()));
      await user.click(screen.getByRole('button', { name: 'Save draft' }));

      await waitFor(() => expect(find('PATCH', `/api/policies/${DRAFT_ID}`)).toHaveLength(1));
      const document = sentDocument(find);
      expect('questionnaireSchedule' in document).toBe(false);
      expect('answerValidityMonths' in document).toBe(false);
    });

    it('shows the schema message at the field and sends nothing', async () => {
      const { find } = mockFetch(routes(() => json(200, draft)));
      const { user } = renderApp(`/policies/${DRAFT_ID}/edit`);

      const days = await screen.findByLabelText('Reminders before the due date (days)');
      await user.clear(days);
      await user.type(days, '7, 7');
      await setNumber(user, 'When overdue, remind every (days)', '0');
      await user.click(screen.getByRole('button', { name: 'Save draft' }));

      expect(await within(scheduleGroup()).findByText('Each day at most once')).toBeTruthy();
      expect(days.getAttribute('aria-invalid')).toBe('true');
      expect(screen.getByLabelText('When overdue, remind every (days)').getAttribute('aria-invalid')).toBe(
        'true',
      );
      expect(within(scheduleGroup()).getByText('At least every day')).toBeTruthy();

      await user.clear(days);
      await user.type(days, '3, 0, x');
      expect(
        await within(scheduleGroup()).findByText('Day 2: At least 1 day before Day 3: Enter a number'),
      ).toBeTruthy();
      expect(find('PATCH', `/api/policies/${DRAFT_ID}`)).toHaveLength(0);
    });

    it("puts the server's issue on the schedule field", async () => {
      mockFetch(
        routes(() =>
          apiError(400, 'validation_failed', 'Check the body', [
            { path: 'document.questionnaireSchedule.reminderDaysBefore.1', message: 'At most 90 days' },
            { path: 'document.answerValidityMonths', message: 'At most 60 months' },
          ]),
        ),
      );
      const { user } = renderApp(`/policies/${DRAFT_ID}/edit`);

      await setNumber(user, 'Overdue reminders, at most', '3');
      await user.click(screen.getByRole('button', { name: 'Save draft' }));

      expect(await within(scheduleGroup()).findByText('Day 2: At most 90 days')).toBeTruthy();
      const days = screen.getByLabelText('Reminders before the due date (days)');
      expect(days.getAttribute('aria-invalid')).toBe('true');
      expect(within(validityGroup()).getByText('At most 60 months')).toBeTruthy();
      expect(screen.getByLabelText('Accepted answers count for (months)').getAttribute('aria-invalid')).toBe(
        'true',
      );
    });
  });
});

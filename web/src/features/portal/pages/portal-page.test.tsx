import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { PortalQuestionnaire } from '#shared/schemas/portal.js';
import { apiError, json, mockFetch, type RecordedRequest } from '../../../../test/fetch-mock.js';
import { makePortal, PORTAL_API, PORTAL_TOKEN, portalAnswer } from '../../../../test/portal-fixtures.js';
import { renderApp } from '../../../../test/render.js';

const progress = { answered: 1, required: 4, percent: 25 };

/** The server's answer to a save: the value it was sent, one revision on. */
const savedEcho = (req: RecordedRequest) => {
  const questionId = req.path.split('/').pop() ?? '';
  const body = req.body as { value: unknown; revision?: number };
  return json(200, {
    answer:
      body.value === null
        ? null
        : { ...portalAnswer(questionId, body.value as string), revision: (body.revision ?? 0) + 1 },
    progress,
  });
};

const open = (portal: PortalQuestionnaire, extra: Parameters<typeof mockFetch>[0] = {}) => {
  const mock = mockFetch({ [`GET ${PORTAL_API}`]: () => json(200, portal), ...extra });
  const view = renderApp(`/portal/${PORTAL_TOKEN}`);
  return { ...mock, ...view };
};

const question = (name: RegExp) => screen.getByRole('group', { name });

// Autosave waits for typing to pause (under a second): room for that on a busy two-core CI machine.
describe('supplier portal', { timeout: 15_000 }, () => {
  it('shows who asks, for whom, by when and why, without a session and without the link in the title', async () => {
    const { find } = open(makePortal());
    expect(await screen.findByRole('heading', { level: 1, name: 'Sample' })).toBeTruthy();
    expect(screen.getByText('Demo Retail Ltd', { selector: 'strong' })).toBeTruthy();
    expect(screen.getByText('Anatolia Textiles')).toBeTruthy();
    expect(screen.getByText(/Our annual forced-labour due diligence/)).toBeTruthy();
    expect(screen.getByRole('progressbar', { name: 'Required questions answered' })).toBeTruthy();
    expect(find('GET', '/api/me')).toHaveLength(0);
    expect(document.title).not.toContain(PORTAL_TOKEN);
    expect(document.querySelector('meta[name="referrer"]')?.getAttribute('content')).toBe('no-referrer');
  });

  it('autosaves an answer, says "Saved", and shows the conditional follow-up it opens', async () => {
    const { user, find } = open(makePortal(), { [`PUT ${PORTAL_API}/answers/uses_agencies`]: savedEcho });
    await screen.findByRole('heading', { level: 1 });
    expect(screen.queryByRole('group', { name: /Who pays agency fees/ })).toBeNull();

    await user.click(within(question(/Do you use agencies/)).getByRole('radio', { name: 'Yes' }));

    expect(await screen.findByRole('group', { name: /Who pays agency fees/ })).toBeTruthy();
    await waitFor(() => expect(within(question(/Do you use agencies/)).getByText('Saved')).toBeTruthy());
    expect(find('PUT', `${PORTAL_API}/answers/uses_agencies`)[0]?.body).toEqual({ value: 'yes' });
    expect(screen.getByRole('status', { name: '' }).textContent).toBe('All changes saved');

    await user.click(within(question(/Do you use agencies/)).getByRole('radio', { name: 'No' }));
    await waitFor(() => expect(screen.queryByRole('group', { name: /Who pays agency fees/ })).toBeNull());
    // The second save is made from the revision the first one returned.
    await waitFor(() =>
      expect(find('PUT', `${PORTAL_API}/answers/uses_agencies`)[1]?.body).toEqual({
        value: 'no',
        revision: 1,
      }),
    );
  });

  it('switches the questions and the portal’s own words to the chosen language, and stores the choice', async () => {
    const { user, find } = open(makePortal(), {
      [`PUT ${PORTAL_API}/locale`]: () => json(200, { ok: true }),
    });
    await screen.findByRole('heading', { level: 1, name: 'Sample' });
    await user.selectOptions(screen.getByLabelText('Language'), 'es');

    expect(await screen.findByRole('heading', { level: 1, name: 'Muestra' })).toBeTruthy();
    expect(screen.getByRole('group', { name: /¿Usa agencias\?/ })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Enviar respuestas' })).toBeTruthy();
    expect(screen.getByLabelText('Idioma')).toBeTruthy();
    await waitFor(() => expect(find('PUT', `${PORTAL_API}/locale`)[0]?.body).toEqual({ locale: 'es' }));
  });

  it('says "Not saved" with a retry when a save fails, and saves on retry', async () => {
    let fail = true;
    const { user } = open(makePortal(), {
      [`PUT ${PORTAL_API}/answers/passports_held`]: (req) =>
        fail ? apiError(503, 'unavailable', 'The service is briefly unavailable.') : savedEcho(req),
    });
    await screen.findByRole('heading', { level: 1 });
    await user.click(within(question(/Do you hold passports/)).getByRole('radio', { name: 'No' }));
    const here = question(/Do you hold passports/);
    expect(await within(here).findByText(/Not saved — The service is briefly unavailable/)).toBeTruthy();
    expect(screen.getByText('Some answers are not saved')).toBeTruthy();
    fail = false;
    await user.click(within(here).getByRole('button', { name: 'Retry' }));
    expect(await within(here).findByText('Saved')).toBeTruthy();
  });

  it('keeps an out-of-range number on screen unsent; once its question is hidden it no longer blocks the submit', {
    timeout: 15_000,
  }, async () => {
    const { user, find } = open(makePortal(), {
      [`PUT ${PORTAL_API}/answers/uses_agencies`]: savedEcho,
      [`POST ${PORTAL_API}/submit`]: () => json(200, { ok: true, status: 'submitted' }),
    });
    await screen.findByRole('heading', { level: 1 });
    await user.click(within(question(/Do you use agencies/)).getByRole('radio', { name: 'Yes' }));
    const count = await screen.findByRole('spinbutton', { name: /How many agencies/ });
    await user.type(count, '5000');
    expect(await screen.findByText(/Not saved — Must be at most 1000/)).toBeTruthy();
    expect(find('PUT', `${PORTAL_API}/answers/agency_count`)).toHaveLength(0);

    await user.click(within(question(/Do you use agencies/)).getByRole('radio', { name: 'No' }));
    await waitFor(() => expect(screen.queryByRole('spinbutton', { name: /How many agencies/ })).toBeNull());
    expect(screen.queryByText('Some answers are not saved')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Submit answers' }));
    await waitFor(() => expect(find('POST', `${PORTAL_API}/submit`)).toHaveLength(1));
  });

  it('when another window saved a newer answer, shows both and lets the supplier keep theirs or take the other', {
    timeout: 15_000,
  }, async () => {
    let calls = 0;
    const { user, find } = open(makePortal({ answers: [portalAnswer('weekly_hours', 40, 1)] }), {
      [`PUT ${PORTAL_API}/answers/weekly_hours`]: (req) => {
        calls += 1;
        if (calls === 1) {
          return json(409, {
            error: {
              code: 'conflict',
              message: 'This answer was changed in another window after you loaded it.',
              requestId: 'r1',
              current: { ...portalAnswer('weekly_hours', 50, 2), id: 'x' },
            },
          });
        }
        return savedEcho(req);
      },
    });
    await screen.findByRole('heading', { level: 1 });
    const hours = screen.getByRole('spinbutton', { name: /Usual weekly hours/ });
    await user.clear(hours);
    await user.type(hours, '45');

    const choice = await screen.findByText('This answer was changed in another window');
    const box = choice.parentElement as HTMLElement;
    expect(within(box).getByText('45 hours')).toBeTruthy();
    expect(within(box).getByText('50 hours')).toBeTruthy();
    expect(screen.getByText('An answer needs your choice')).toBeTruthy();

    await user.click(within(box).getByRole('button', { name: 'Keep my answer' }));
    await waitFor(() => expect(calls).toBe(2));
    expect(find('PUT', `${PORTAL_API}/answers/weekly_hours`)[1]?.body).toEqual({ value: 45, revision: 2 });
    expect(await screen.findByText('All changes saved')).toBeTruthy();
  });

  it('taking the other window’s answer puts it on screen and saves nothing more', {
    timeout: 15_000,
  }, async () => {
    const { user, find } = open(makePortal({ answers: [portalAnswer('weekly_hours', 40, 1)] }), {
      [`PUT ${PORTAL_API}/answers/weekly_hours`]: () =>
        json(409, {
          error: {
            code: 'conflict',
            message: 'Changed elsewhere',
            requestId: 'r1',
            current: portalAnswer('weekly_hours', 50, 2),
          },
        }),
    });
    await screen.findByRole('heading', { level: 1 });
    const hours = screen.getByRole('spinbutton', { name: /Usual weekly hours/ });
    await user.clear(hours);
    await user.type(hours, '45');
    await user.click(await screen.findByRole('button', { name: 'Use the other answer' }));
    expect((hours as HTMLInputElement).value).toBe('50');
    expect(screen.queryByText('This answer was changed in another window')).toBeNull();
    expect(find('PUT', `${PORTAL_API}/answers/weekly_hours`)).toHaveLength(1);
  });

  it('names each missing required question on submit, and its link puts the keyboard in that question', async () => {
    const { user } = open(makePortal(), {
      [`POST ${PORTAL_API}/submit`]: () =>
        apiError(400, 'validation_failed', '2 required questions are not answered yet', [
          { path: 'uses_agencies', message: 'This question needs an answer' },
          { path: 'weekly_hours', message: 'This question needs an answer' },
        ]),
    });
    await screen.findByRole('heading', { level: 1 });
    await user.click(screen.getByRole('button', { name: 'Submit answers' }));

    const summary = await screen.findByText(/2 required questions are not answered yet/);
    const box = summary.parentElement as HTMLElement;
    await waitFor(() => expect(document.activeElement).toBe(box));
    expect(within(question(/Do you use agencies/)).getByText('This question needs an answer')).toBeTruthy();

    await user.click(within(box).getByRole('link', { name: 'Usual weekly hours' }));
    expect(document.activeElement).toBe(screen.getByRole('spinbutton', { name: /Usual weekly hours/ }));
    await user.click(within(box).getByRole('link', { name: 'Do you use agencies?' }));
    expect(document.activeElement).toBe(
      within(question(/Do you use agencies/)).getByRole('radio', { name: 'Yes' }),
    );
  });

  it('after a submit it is read-only and says when it was submitted, with thanks', async () => {
    let portal = makePortal({ answers: [portalAnswer('uses_agencies', 'no')] });
    const { user, find } = open(portal, {
      [`GET ${PORTAL_API}`]: () => json(200, portal),
      [`POST ${PORTAL_API}/submit`]: () => {
        portal = { ...portal, status: 'submitted', editable: false, submittedAt: '2026-11-28T09:30:00.000Z' };
        return json(200, { ok: true, status: 'submitted' });
      },
    });
    await screen.findByRole('heading', { level: 1 });
    await user.click(screen.getByRole('button', { name: 'Submit answers' }));

    expect(await screen.findByText(/^Submitted on .*2026.* — thank you$/)).toBeTruthy();
    expect(find('POST', `${PORTAL_API}/submit`)).toHaveLength(1);
    expect(screen.queryByRole('button', { name: 'Submit answers' })).toBeNull();
    const no = within(question(/Do you use agencies/)).getByRole('radio', { name: 'No' }) as HTMLInputElement;
    expect(no.checked).toBe(true);
    expect(no.disabled).toBe(true);
  });

  it('says plainly that an expired link has expired and whom to ask', async () => {
    mockFetch({
      [`GET ${PORTAL_API}`]: () =>
        apiError(
          410,
          'gone',
          'This link has expired. Ask Demo Retail Ltd for a new one; the answers you saved are kept.',
        ),
    });
    renderApp(`/portal/${PORTAL_TOKEN}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'This link no longer works' })).toBeTruthy();
    expect(screen.getByText(/Ask Demo Retail Ltd for a new one/)).toBeTruthy();
  });

  it('says an unknown link is not valid', async () => {
    mockFetch({
      [`GET ${PORTAL_API}`]: () => apiError(404, 'not_found', 'This questionnaire link is not valid.'),
    });
    renderApp(`/portal/${PORTAL_TOKEN}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'This link is not valid' })).toBeTruthy();
  });

  it('uploads a file for a file question and links it into the answer; a refused file says why', async () => {
    const stored = {
      id: '11111111-1111-4111-8111-111111111111',
      questionId: 'policy_file',
      fileName: 'policy.pdf',
      mediaType: 'application/pdf',
      size: 2048,
      sha256: 'a'.repeat(64),
      createdAt: '2026-11-28T09:30:00.000Z',
    };
    let refuse = true;
    const { user, find } = open(makePortal(), {
      [`POST ${PORTAL_API}/evidence`]: () =>
        refuse
          ? apiError(413, 'payload_too_large', 'The file is larger than 10 MB: upload a smaller one', [
              { path: 'file', message: 'Larger than 10 MB' },
            ])
          : json(201, stored),
      [`PUT ${PORTAL_API}/answers/policy_file`]: savedEcho,
    });
    await screen.findByRole('heading', { level: 1 });
    const input = screen.getByLabelText(/Your policy/);
    await user.upload(input, new File(['x'.repeat(20)], 'huge.pdf', { type: 'application/pdf' }));
    expect(
      await screen.findByText(
        'huge.pdf was not uploaded. The file is larger than 10 MB: upload a smaller one',
      ),
    ).toBeTruthy();
    expect(find('POST', `${PORTAL_API}/evidence`)[0]?.query.get('questionId')).toBe('policy_file');

    refuse = false;
    await user.upload(screen.getByLabelText(/Your policy/), new File(['%PDF-1.4'], 'policy.pdf'));
    const files = await screen.findByRole('list', { name: 'Attached files' });
    expect(within(files).getByRole('link', { name: 'policy.pdf' })).toBeTruthy();
    expect(within(files).getByText('2.0 KB')).toBeTruthy();
    await waitFor(() =>
      expect(find('PUT', `${PORTAL_API}/answers/policy_file`)[0]?.body).toEqual({ value: [stored.id] }),
    );
  });

  it('shows the officer’s comments at the top and at their question when the questionnaire was returned', async () => {
    const { user } = open(
      makePortal({
        status: 'returned',
        answers: [portalAnswer('weekly_hours', 40)],
        reviewComments: { weekly_hours: 'Please include overtime.' },
      }),
    );
    const summary = await screen.findByRole('region', { name: /returned your answers with a comment/ });
    await user.click(within(summary).getByRole('link', { name: 'Usual weekly hours' }));
    expect(document.activeElement).toBe(screen.getByRole('spinbutton', { name: /Usual weekly hours/ }));
    expect(screen.getAllByText('Please include overtime.')).toHaveLength(2);
  });
});

import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { apiError, json, mockFetch } from '../../../../test/fetch-mock.js';
import { makeSession } from '../../../../test/fixtures.js';
import { makePolicy } from '../../../../test/policy-fixtures.js';
import { renderApp } from '../../../../test/render.js';
import { makeDraftTemplate, makeTemplate, summaryOf } from '../../../../test/template-fixtures.js';

const published = makeTemplate();
const draft = makeDraftTemplate();

const baseRoutes = (role: 'admin' | 'officer' | 'executive' = 'officer') => ({
  'GET /api/me': () => json(200, makeSession(role)),
  'GET /api/templates': () =>
    json(200, { items: [summaryOf(draft), summaryOf(published)], total: 2, limit: 200, offset: 0 }),
  'GET /api/policies': () => json(200, { items: [makePolicy()] }),
});

describe('questionnaire templates list', () => {
  it('lists templates with status, version, size and languages, one link away from what was sent', async () => {
    mockFetch(baseRoutes());
    renderApp('/questionnaires/templates');

    const table = await screen.findByRole('table', { name: 'Questionnaire templates' });
    const row = within(table).getByRole('link', { name: 'Self-assessment' }).closest('tr') as HTMLElement;
    expect(row.textContent).toContain('Published');
    expect(row.textContent).toContain('EN, ES');
    expect(row.textContent).toContain(`${published.questionCount} questions`);
    expect(within(row).getByRole('button', { name: /New version\s*of Self-assessment/ })).toBeTruthy();
    const nav = screen.getByRole('navigation', { name: 'Questionnaires' });
    expect(within(nav).getByRole('link', { name: 'Templates' }).getAttribute('aria-current')).toBe('page');
    expect(within(nav).getByRole('link', { name: 'Sent to suppliers' }).getAttribute('href')).toBe(
      '/questionnaires',
    );
    const draftRow = within(table).getByRole('link', { name: 'Self-assessment 2027' }).closest('tr');
    expect(draftRow?.textContent).toContain('Draft');
  });

  it('makes a draft from the shipped questionnaire and opens it', async () => {
    const created = makeDraftTemplate({
      id: '99999999-9999-4999-8999-000000000009',
      name: 'Our questionnaire',
    });
    const { find } = mockFetch({
      ...baseRoutes(),
      'POST /api/templates': () => json(201, created),
      [`GET /api/templates/${created.id}`]: () => json(200, created),
    });
    const { user, router } = renderApp('/questionnaires/templates');

    await user.click(await screen.findByRole('button', { name: 'New from the shipped questionnaire' }));
    await user.type(screen.getByLabelText('Name'), 'Our questionnaire');
    await user.click(screen.getByRole('button', { name: 'Make the draft' }));

    await waitFor(() =>
      expect(router.state.location.pathname).toBe(`/questionnaires/templates/${created.id}`),
    );
    expect(find('POST', '/api/templates')[0]?.body).toEqual({ name: 'Our questionnaire', from: 'default' });
  });

  it('offers no editing to executives', async () => {
    mockFetch(baseRoutes('executive'));
    renderApp('/questionnaires/templates');
    await screen.findByRole('table', { name: 'Questionnaire templates' });
    expect(screen.queryByRole('button', { name: 'Import JSON' })).toBeNull();
    expect(screen.queryByRole('button', { name: /New version/ })).toBeNull();
  });

  it('imports a JSON file and shows the server’s issues in words when it is refused', async () => {
    const bad = makeTemplate().definition;
    const { find } = mockFetch({
      ...baseRoutes(),
      'POST /api/templates': () =>
        apiError(400, 'validation_failed', 'The request is not valid', [
          { path: 'definition.sections.0.questions.1.label.es', message: 'Missing the es text' },
          { path: 'definition.title', message: 'Required' },
        ]),
    });
    const { user } = renderApp('/questionnaires/templates');

    await user.click(await screen.findByRole('button', { name: 'Import JSON' }));
    await user.type(screen.getByLabelText('Name'), 'Imported');
    const file = new File([JSON.stringify(bad)], 'template.json', { type: 'application/json' });
    await user.upload(screen.getByLabelText('JSON file'), file);
    await user.click(screen.getByRole('button', { name: 'Import as a draft' }));

    const alert = await screen.findByText('The template was not created');
    const box = alert.closest('.alert') as HTMLElement;
    expect(box.textContent).toContain(
      'Section 1 (labour), question 2 (uses_agencies), label, es: Missing the es text',
    );
    expect(box.textContent).toContain('Title: Required');
    expect(find('POST', '/api/templates')[0]?.body).toEqual({ name: 'Imported', definition: bad });
  });

  it('says so when the file is not JSON, without calling the server', async () => {
    const { find } = mockFetch(baseRoutes());
    const { user } = renderApp('/questionnaires/templates');

    await user.click(await screen.findByRole('button', { name: 'Import JSON' }));
    await user.type(screen.getByLabelText('Name'), 'Imported');
    await user.upload(
      screen.getByLabelText('JSON file'),
      new File(['{ nope'], 'notes.json', { type: 'application/json' }),
    );
    await user.click(screen.getByRole('button', { name: 'Import as a draft' }));

    expect(await screen.findByText(/notes.json is not a JSON file/)).toBeTruthy();
    expect(find('POST', '/api/templates')).toHaveLength(0);
  });
});

import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { apiError, json, mockFetch } from '../../../../../test/fetch-mock.js';
import { makeSession } from '../../../../../test/fixtures.js';
import { makePolicy } from '../../../../../test/policy-fixtures.js';
import { renderApp } from '../../../../../test/render.js';
import {
  DRAFT_TEMPLATE_ID,
  makeDraftTemplate,
  sampleDefinition,
} from '../../../../../test/template-fixtures.js';

const draft = makeDraftTemplate();
const path = `/api/templates/${DRAFT_TEMPLATE_ID}`;

const baseRoutes = () => ({
  'GET /api/me': () => json(200, makeSession('officer')),
  'GET /api/policies': () => json(200, { items: [makePolicy()] }),
  [`GET ${path}`]: () => json(200, draft),
});

const openQuestion = async (user: ReturnType<typeof renderApp>['user'], label: string) => {
  await user.click(await screen.findByRole('button', { name: new RegExp(label) }));
};

describe('template builder', () => {
  it('edits a label and saves the definition with the revision it was loaded at', {
    timeout: 15_000,
  }, async () => {
    const { find } = mockFetch({
      ...baseRoutes(),
      [`PATCH ${path}`]: (req) =>
        json(200, { ...draft, revision: 4, definition: (req.body as { definition: unknown }).definition }),
    });
    const { user } = renderApp(`/questionnaires/templates/${DRAFT_TEMPLATE_ID}`);

    await openQuestion(user, 'Do you use agencies\\?');
    const english = screen.getByLabelText('Question (English)');
    await user.clear(english);
    await user.type(english, 'Agencies?');
    await user.click(screen.getByRole('button', { name: 'Save draft' }));

    expect(await screen.findByText('Draft saved.')).toBeTruthy();
    const patch = find('PATCH', path)[0];
    expect(patch?.headers.get('if-match')).toBe('"3"');
    const body = patch?.body as { definition: ReturnType<typeof sampleDefinition> };
    expect(body.definition.sections[0]?.questions[1]?.label).toEqual({
      en: 'Agencies?',
      es: '¿Usa agencias?',
    });
  });

  it('shows an edit conflict when someone else saved the draft meanwhile', async () => {
    const theirs = makeDraftTemplate({
      revision: 4,
      definition: sampleDefinition((d) => {
        d.title.en = 'Their title';
      }),
    });
    mockFetch({
      ...baseRoutes(),
      [`PATCH ${path}`]: () =>
        json(409, {
          error: { code: 'conflict', message: 'Changed meanwhile', requestId: 'r', current: theirs },
        }),
    });
    const { user } = renderApp(`/questionnaires/templates/${DRAFT_TEMPLATE_ID}`);

    await openQuestion(user, 'Do you use agencies\\?');
    await user.type(screen.getByLabelText('Question (English)'), '!');
    await user.click(screen.getByRole('button', { name: 'Save draft' }));

    expect(
      await screen.findByText('Someone else changed this template draft while you were editing it'),
    ).toBeTruthy();
    expect(screen.getByText(/They changed Title, en/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Load their version and keep my changes' }));
    expect((screen.getAllByLabelText('Title (English)')[0] as HTMLInputElement).value).toBe('Their title');
  });

  it('offers only earlier questions, with fitting operators, in a condition', async () => {
    mockFetch(baseRoutes());
    const { user } = renderApp(`/questionnaires/templates/${DRAFT_TEMPLATE_ID}`);

    await openQuestion(user, 'How many agencies\\?');
    const select = screen.getByLabelText('Test 1: question') as HTMLSelectElement;
    const offered = [...select.options].map((o) => o.value);
    expect(offered).toEqual(['passports_held', 'uses_agencies', 'agency_fees']);
    expect(select.value).toBe('uses_agencies');
    const ops = [...(screen.getByLabelText('Test 1: answer') as HTMLSelectElement).options].map(
      (o) => o.value,
    );
    expect(ops).toEqual(['equals', 'in']);

    await user.selectOptions(select, 'agency_fees');
    expect((screen.getByLabelText('Test 1: option') as HTMLSelectElement).value).toBe('employer');
  });

  it('lists the issues that refused publishing and links each to its field', async () => {
    const issues = [
      {
        path: 'definition.sections.0.questions.0.scoring.criterion',
        message: 'The published policy has no criterion "retention_of_identity_documents"',
      },
    ];
    const { find } = mockFetch({
      ...baseRoutes(),
      [`POST ${path}/publish`]: () =>
        apiError(422, 'unprocessable', 'The template cannot be published', issues),
    });
    const { user } = renderApp(`/questionnaires/templates/${DRAFT_TEMPLATE_ID}`);

    await user.click(await screen.findByRole('button', { name: 'Publish' }));
    const dialog = screen.getByRole('alertdialog');
    await user.click(within(dialog).getByRole('button', { name: 'Publish' }));

    const refused = (await screen.findByText('Publishing was refused')).closest('.alert') as HTMLElement;
    const link = within(refused).getByRole('link', {
      name: 'Section 1 (labour), question 1 (passports_held), scoring, criterion',
    });
    expect(refused.textContent).toContain('has no criterion');
    const sent = find('POST', `${path}/publish`)[0];
    expect(sent?.headers.get('if-match')).toBe('"3"');
    expect(sent?.body).toEqual({ revision: 3 });

    await user.click(link);
    await waitFor(() =>
      expect(document.activeElement?.getAttribute('name')).toBe('sections.0.questions.0.scoring.criterion'),
    );
    expect(screen.getByText(issues[0]?.message as string, { selector: '.field-error' })).toBeTruthy();
  });

  it('previews the questionnaire with a follow-up that appears and disappears with the answer', async () => {
    mockFetch(baseRoutes());
    const { user } = renderApp(`/questionnaires/templates/${DRAFT_TEMPLATE_ID}`);

    await user.click(await screen.findByRole('tab', { name: 'Preview' }));
    const agencies = screen.getByRole('group', { name: /Do you use agencies\?/ });
    expect(screen.queryByRole('group', { name: /Who pays agency fees\?/ })).toBeNull();

    await user.click(within(agencies).getByRole('radio', { name: 'Yes' }));
    expect(screen.getByRole('group', { name: /Who pays agency fees\?/ })).toBeTruthy();
    expect(screen.getByLabelText(/How many agencies\?/)).toBeTruthy();

    await user.click(within(agencies).getByRole('radio', { name: 'No' }));
    expect(screen.queryByRole('group', { name: /Who pays agency fees\?/ })).toBeNull();

    await user.selectOptions(screen.getByLabelText('Language'), 'es');
    expect(screen.getByRole('group', { name: /¿Usa agencias\?/ })).toBeTruthy();
  });

  it('moves a question with the keyboard-usable buttons, saves the new order, and guards unsaved changes', async () => {
    const { find } = mockFetch({
      ...baseRoutes(),
      [`PATCH ${path}`]: (req) =>
        json(200, { ...draft, revision: 4, definition: (req.body as { definition: unknown }).definition }),
    });
    const { user } = renderApp(`/questionnaires/templates/${DRAFT_TEMPLATE_ID}`);

    const section = await screen.findByRole('region', { name: 'Section 1' });
    await user.click(
      within(section).getAllByRole('button', { name: 'Move question 1 down' })[0] as HTMLElement,
    );
    await user.click(screen.getByRole('link', { name: 'Questionnaire templates' }));
    expect(await screen.findByRole('alertdialog', { name: 'Leave without saving?' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));

    await user.click(screen.getByRole('button', { name: 'Save draft' }));
    await screen.findByText('Draft saved.');
    const body = find('PATCH', path)[0]?.body as { definition: ReturnType<typeof sampleDefinition> };
    expect(body.definition.sections[0]?.questions.map((q) => q.id).slice(0, 2)).toEqual([
      'uses_agencies',
      'passports_held',
    ]);
  });

  it('renames the draft at its revision, and the next save goes from the renamed revision', async () => {
    let revision = 3;
    const { find } = mockFetch({
      ...baseRoutes(),
      [`PATCH ${path}`]: (req) => {
        revision += 1;
        const body = req.body as { name?: string; definition?: unknown };
        return json(200, {
          ...draft,
          revision,
          name: body.name ?? 'Renamed',
          ...(body.definition ? { definition: body.definition } : {}),
        });
      },
    });
    const { user } = renderApp(`/questionnaires/templates/${DRAFT_TEMPLATE_ID}`);

    const name = await screen.findByLabelText('Template name');
    await user.clear(name);
    await user.type(name, 'Renamed');
    await user.click(screen.getByRole('button', { name: 'Rename' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Renamed' })).toBeTruthy();

    await user.click(
      within(screen.getByRole('region', { name: 'Section 1' })).getAllByRole('button', {
        name: 'Move question 1 down',
      })[0] as HTMLElement,
    );
    await user.click(screen.getByRole('button', { name: 'Save draft' }));
    await screen.findByText('Draft saved.');
    const [rename, save] = find('PATCH', path);
    expect(rename?.body).toEqual({ name: 'Renamed' });
    expect(rename?.headers.get('if-match')).toBe('"3"');
    expect(save?.headers.get('if-match')).toBe('"4"');
  });

  it('shows executives the questions and preview, read-only', async () => {
    mockFetch({ ...baseRoutes(), 'GET /api/me': () => json(200, makeSession('executive')) });
    renderApp(`/questionnaires/templates/${DRAFT_TEMPLATE_ID}`);

    expect(await screen.findByText('Do you use agencies?')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Save draft' })).toBeNull();
    expect(screen.getByRole('tab', { name: 'Preview' })).toBeTruthy();
  });
});

import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { DatasetEdition, EditionUploadResult } from '#shared/schemas/datasets.js';
import type { ReferenceOverview } from '#shared/schemas/reference.js';
import { json, mockFetch } from '../../../../test/fetch-mock.js';
import { makeSession } from '../../../../test/fixtures.js';
import { renderApp } from '../../../../test/render.js';
import { referenceData } from '../../../../test/supplier-fixtures.js';

const overview: ReferenceOverview = {
  datasets: referenceData.datasets,
  countries: Object.keys(referenceData.countries).length,
  ilabListings: referenceData.ilab.length,
  iloIndicators: referenceData.iloIndicators,
};
const ilab2022 = referenceData.datasets.find((d) => d.kind === 'ilab')!;

const HEADER = 'iso2,good,sector,child_labor,forced_labor,forced_child_labor,basis,input_iso2,edition\n';
const file = (name: string) =>
  new File([`${HEADER}TH,Shrimp,Agriculture,false,true,false,direct,,2024\n`], name, { type: 'text/csv' });

const edition2024: DatasetEdition = {
  id: '66666666-6666-4666-8666-666666666666',
  kind: 'ilab',
  edition: '2024',
  publisher: 'US Department of Labor, Bureau of International Labor Affairs',
  url: 'https://www.dol.gov/agencies/ilab/reports/child-labor/list-of-goods',
  publishedOn: '2024-09-05',
  fileName: 'ilab-2024.csv',
  sha256: 'c'.repeat(64),
  rows: 469,
  createdAt: '2026-11-20T10:00:00.000Z',
  createdBy: 'Ada Admin',
  dataset: { ...ilab2022, id: 'ilab-2024-666666', edition: '2024', rows: 469, file: 'ilab-2024.csv' },
  pinnedBy: [],
};

const refused: EditionUploadResult = {
  accepted: false,
  edition: null,
  diff: null,
  rows: 2,
  issues: [{ row: 3, column: 'iso2', message: 'Unknown country "Atlantis"' }],
  issuesTotal: 2,
};
const accepted: EditionUploadResult = {
  accepted: true,
  edition: edition2024,
  diff: {
    kind: 'ilab',
    from: { id: 'ilab-2022', edition: '2022' },
    to: { id: edition2024.dataset.id, edition: '2024' },
    added: 1,
    removed: 1,
    changed: 0,
    changes: [
      { change: 'added', iso2: 'CN', text: 'China: PVC added' },
      { change: 'removed', iso2: 'TH', text: 'Thailand: Shrimp removed' },
    ],
  },
  rows: 469,
  issues: [],
  issuesTotal: 0,
};

/** The reference data page as an administrator; GET /api/datasets lists `loaded()`. */
const mockPage = (answer: (name: string) => EditionUploadResult, loaded: () => DatasetEdition[]) =>
  mockFetch({
    'GET /api/me': () => json(200, makeSession('admin')),
    'GET /api/reference-data': () => json(200, overview),
    'GET /api/datasets': () => json(200, { shipped: referenceData.datasets, editions: loaded() }),
    'GET /api/policies': () => json(200, { items: [] }),
    'POST /api/datasets/editions': (request) => {
      const sent = (request.body as FormData).get('file') as File;
      return json(answer(sent.name).accepted ? 201 : 200, answer(sent.name));
    },
  });

const fillProvenance = async (user: ReturnType<typeof renderApp>['user']) => {
  const form = (await screen.findByRole('heading', { name: 'Load a new edition' })).closest('section')!;
  await user.selectOptions(within(form).getByLabelText('Dataset'), 'ilab');
  await user.type(within(form).getByLabelText('Edition (year)'), '2024');
  await user.type(within(form).getByLabelText('Publisher'), edition2024.publisher);
  await user.type(within(form).getByLabelText('Publication URL'), edition2024.url);
  await user.type(within(form).getByLabelText('Publication date'), '2024-09-05');
  return form;
};

describe('EditionUploadForm', () => {
  it('sends the file with its provenance and lists the row errors of a refused file', async () => {
    const { find } = mockPage(
      () => refused,
      () => [],
    );
    const { user } = renderApp('/reference-data');

    const form = await fillProvenance(user);
    await user.upload(within(form).getByLabelText('File (CSV or XLSX)'), file('bad.csv'));
    await user.click(within(form).getByRole('button', { name: 'Check and load' }));

    const problems = await screen.findByRole('table', { name: 'Problems in the uploaded file' });
    const [, row] = within(problems).getAllByRole('row');
    expect(row!.textContent).toBe('3iso2Unknown country "Atlantis"');
    expect(
      screen.getByText(/The file was refused and nothing was stored: 2 problems \(the first 1 are listed\)/),
    ).toBeTruthy();
    const [upload] = find('POST', '/api/datasets/editions');
    const body = upload!.body as FormData;
    expect(Object.fromEntries([...body.entries()].filter(([k]) => k !== 'file'))).toEqual({
      kind: 'ilab',
      edition: '2024',
      publisher: edition2024.publisher,
      url: edition2024.url,
      publishedOn: '2024-09-05',
    });
    expect((body.get('file') as File).name).toBe('bad.csv');
    expect(upload!.headers.get('x-csrf-token')).toBe('csrf-token-123');
    // Nothing was stored: the list of editions is not fetched again.
    expect(find('GET', '/api/datasets')).toHaveLength(1);
  }, 20_000);

  it('shows the diff of an accepted edition and lists it with the loaded editions', async () => {
    let loaded: DatasetEdition[] = [];
    const { find } = mockPage(
      () => {
        loaded = [edition2024];
        return accepted;
      },
      () => loaded,
    );
    const { user } = renderApp('/reference-data');

    expect(await screen.findByText(/No edition loaded yet/)).toBeTruthy();
    const form = await fillProvenance(user);
    await user.upload(within(form).getByLabelText('File (CSV or XLSX)'), file('ilab-2024.csv'));
    await user.click(within(form).getByRole('button', { name: 'Check and load' }));

    const done = (await screen.findByText('ILAB 2024 loaded (469 rows)')).closest('[role]') as HTMLElement;
    expect(within(done).getByText(/\(in use\): 1 added, 1 removed, 0 changed\./)).toBeTruthy();
    const changes = within(done)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(changes).toEqual(['added: China: PVC added', 'removed: Thailand: Shrimp removed']);
    expect(within(done).getByText(/Put it in a policy draft from its card above/)).toBeTruthy();
    // Stored: the editions are fetched again and the new one is listed with its provenance.
    await waitFor(() => expect(find('GET', '/api/datasets').length).toBeGreaterThan(1));
    const editions = screen.getByRole('region', { name: 'Editions loaded by your organisation' });
    const card = await within(editions).findByRole('article', { name: ilab2022.title });
    expect(within(card).getByText('Edition 2024')).toBeTruthy();
    expect(within(card).getByText('469')).toBeTruthy();
    expect(within(card).getByText('ilab-2024.csv by Ada Admin, 2026-11-20')).toBeTruthy();
  }, 20_000);

  it('checks the provenance and the file before sending anything', async () => {
    const { find } = mockPage(
      () => refused,
      () => [],
    );
    const { user } = renderApp('/reference-data');

    const form = (await screen.findByRole('heading', { name: 'Load a new edition' })).closest('section')!;
    await user.type(within(form).getByLabelText('Edition (year)'), '24');
    await user.click(within(form).getByRole('button', { name: 'Check and load' }));
    expect(await within(form).findByText('Use the four-digit year of the edition, e.g. 2024')).toBeTruthy();

    await user.clear(within(form).getByLabelText('Edition (year)'));
    await fillProvenance(user);
    await user.click(within(form).getByRole('button', { name: 'Check and load' }));
    expect(await within(form).findByText('Choose the CSV or XLSX file of the edition')).toBeTruthy();

    const big = file('huge.csv');
    Object.defineProperty(big, 'size', { value: 6 * 1024 * 1024 });
    await user.upload(within(form).getByLabelText('File (CSV or XLSX)'), big);
    expect(within(form).getByText(/^The file is 6(\.0)? MB; at most 5(\.0)? MB is accepted$/)).toBeTruthy();
    expect((within(form).getByRole('button', { name: 'Check and load' }) as HTMLButtonElement).disabled).toBe(
      true,
    );
    expect(find('POST', '/api/datasets/editions')).toHaveLength(0);
  }, 20_000);
});

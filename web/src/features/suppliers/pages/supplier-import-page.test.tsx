import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ImportPreview, ImportResult } from '#shared/schemas/suppliers.js';
import { json, mockFetch } from '../../../../test/fetch-mock.js';
import { makeSession } from '../../../../test/fixtures.js';
import { renderApp } from '../../../../test/render.js';

const HEADER = 'external_ref,name,country,tier\n';
const badFile = new File([`${HEADER}V-1,Dhaka Knitwear,BD,1\nV-2,Nowhere Ltd,Atlantis,1\n`], 'bad.csv', {
  type: 'text/csv',
});
const goodFile = new File([`${HEADER}V-1,Dhaka Knitwear,BD,1\nV-2,Porto Shoes,PT,1\n`], 'good.csv', {
  type: 'text/csv',
});

const badPreview: ImportPreview = {
  fileName: 'bad.csv',
  sha256: 'a'.repeat(64),
  rows: 2,
  create: 1,
  update: 0,
  unchanged: 0,
  errorCount: 1,
  errors: [
    {
      row: 3,
      column: 'country',
      message: 'Unknown country "Atlantis" Use the two-letter ISO code or the English name.',
    },
  ],
  sample: [
    {
      row: 2,
      action: 'create',
      externalRef: 'V-1',
      name: 'Dhaka Knitwear',
      country: 'BD',
      changedFields: [],
      goodsNotRecognised: [],
    },
    {
      row: 3,
      action: 'error',
      externalRef: 'V-2',
      name: 'Nowhere Ltd',
      country: null,
      changedFields: [],
      goodsNotRecognised: [],
    },
  ],
  goodWarningCount: 0,
  goodWarnings: [],
};
const goodPreview: ImportPreview = {
  ...badPreview,
  fileName: 'good.csv',
  create: 1,
  update: 1,
  errorCount: 0,
  errors: [],
  sample: [
    {
      row: 2,
      action: 'create',
      externalRef: 'V-1',
      name: 'Dhaka Knitwear',
      country: 'BD',
      changedFields: [],
      goodsNotRecognised: ['cotten', 'auto parts'],
    },
    {
      row: 3,
      action: 'update',
      externalRef: 'V-2',
      name: 'Porto Shoes',
      country: 'PT',
      changedFields: ['name'],
      goodsNotRecognised: [],
    },
  ],
  goodWarningCount: 2,
  goodWarnings: [
    { row: 2, good: 'cotten', suggestions: ['Cotton', 'coltan'] },
    { row: 2, good: 'auto parts', suggestions: [] },
  ],
};
const result: ImportResult = {
  fileName: 'good.csv',
  sha256: 'b'.repeat(64),
  rows: 2,
  created: 1,
  updated: 1,
  unchanged: 0,
  assessed: 2,
  assessJobId: null,
};

describe('SupplierImportPage', () => {
  it('blocks the import while the preview has errors, then imports a clean file', async () => {
    let finishPreview: (() => void) | undefined;
    const { find } = mockFetch({
      'GET /api/me': () => json(200, makeSession('officer')),
      'POST /api/suppliers/import/preview': (request) => {
        const file = (request.body as FormData).get('file') as File;
        const answer = json(200, file.name === 'bad.csv' ? badPreview : goodPreview);
        // The first check is held until the test has seen the waiting state.
        return file.name === 'bad.csv'
          ? new Promise<Response>((resolve) => {
              finishPreview = () => resolve(answer);
            })
          : answer;
      },
      'POST /api/suppliers/import/commit': () => json(200, result),
    });
    const { user } = renderApp('/suppliers/import');

    await user.upload(await screen.findByLabelText('CSV file'), badFile);
    expect(await screen.findByRole('progressbar', { name: 'Validating 2 rows…' })).toBeTruthy();
    expect(screen.getByText('Validating 2 rows…', { selector: '[role="status"]' })).toBeTruthy();
    finishPreview?.();

    expect(await screen.findByText('1 problem to fix')).toBeTruthy();
    const problems = screen.getByRole('table', { name: 'Problems found in the file' });
    const problem = within(problems).getAllByRole('row')[1]!;
    expect(within(problem).getByText('3')).toBeTruthy();
    expect(within(problem).getByText('country')).toBeTruthy();
    expect(within(problem).getByText(/Unknown country "Atlantis"/)).toBeTruthy();
    const importButton = screen.getByRole('button', { name: 'Import' });
    expect((importButton as HTMLButtonElement).disabled).toBe(true);
    expect(importButton.getAttribute('aria-describedby')).toBe('commit-blocked');
    expect(find('POST', '/api/suppliers/import/commit')).toHaveLength(0);

    await user.click(screen.getByRole('button', { name: 'Choose another file' }));
    await user.upload(screen.getByLabelText('CSV file'), goodFile);
    expect(await screen.findByText('The file is ready to import')).toBeTruthy();
    const sample = screen.getByRole('table', { name: 'What importing would do to each row' });
    expect(within(sample).getByText('Update')).toBeTruthy();
    // Goods the ILAB list does not know: a warning on the row, with the closest listed goods; never a block.
    expect(screen.getByText('2 goods not recognised')).toBeTruthy();
    const unknown = screen.getByRole('table', { name: 'Goods not recognised' });
    const [, first, second] = within(unknown).getAllByRole('row');
    expect(first!.textContent).toBe('2cottenCotton, coltan');
    expect(second!.textContent).toBe('2auto partsnone close');
    const row2 = within(sample).getAllByRole('row')[1]!;
    expect(row2.textContent).toContain('Goods not recognised: cotten, auto parts');

    await user.click(screen.getByRole('button', { name: 'Import 2 changes' }));

    expect(await screen.findByText('Imported good.csv')).toBeTruthy();
    expect(screen.getByText(/1 added, 1 updated, 0 unchanged, out of 2 rows/)).toBeTruthy();
    // A small file is assessed in the request: it says so.
    expect(
      screen.getByText(/2 suppliers added or changed were assessed under the published policy/),
    ).toBeTruthy();
    expect(screen.getByRole('link', { name: 'View the register' }).getAttribute('href')).toBe('/suppliers');
    const [commit] = find('POST', '/api/suppliers/import/commit');
    expect(commit).toBeDefined();
    expect(((commit!.body as FormData).get('file') as File).name).toBe('good.csv');
    expect(commit!.headers.get('x-csrf-token')).toBe('csrf-token-123');
  }, 20_000);

  it('lists the rows the server refused on commit', async () => {
    mockFetch({
      'GET /api/me': () => json(200, makeSession('admin')),
      'POST /api/suppliers/import/preview': () => json(200, goodPreview),
      'POST /api/suppliers/import/commit': () =>
        json(422, {
          error: {
            code: 'unprocessable',
            message: 'The file has errors; nothing was imported',
            requestId: 'req-1',
            issues: [{ path: 'row 3: external_ref', message: 'Another supplier already has this reference' }],
          },
        }),
    });
    const { user } = renderApp('/suppliers/import');

    await user.upload(await screen.findByLabelText('CSV file'), goodFile);
    await user.click(await screen.findByRole('button', { name: 'Import 2 changes' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Nothing was imported');
    expect(alert.textContent).toContain('row 3: external_ref');
    await waitFor(() => expect(screen.getByRole('button', { name: 'Choose another file' })).toBeTruthy());
  });

  it('shows the progress of the background assessment of a large import', async () => {
    const JOB_ID = '99999999-9999-4999-8999-999999999999';
    const job = {
      id: JOB_ID,
      kind: 'rescore',
      status: 'running',
      progress: { done: 1000, total: 4000, percent: 25 },
      params: {
        policyId: '77777777-7777-4777-8777-777777777777',
        version: 1,
        suppliers: 4000,
        trigger: 'import',
        triggerDetail: 'imported from good.csv',
      },
      result: null,
      error: null,
      createdAt: '2026-01-01T00:00:00.000Z',
      startedAt: '2026-01-01T00:00:01.000Z',
      finishedAt: null,
    };
    mockFetch({
      'GET /api/me': () => json(200, makeSession('officer')),
      'POST /api/suppliers/import/preview': () => json(200, goodPreview),
      'POST /api/suppliers/import/commit': () => json(200, { ...result, assessed: 0, assessJobId: JOB_ID }),
      [`GET /api/jobs/${JOB_ID}`]: () => json(200, job),
    });
    const { user } = renderApp('/suppliers/import');

    await user.upload(await screen.findByLabelText('CSV file'), goodFile);
    await user.click(await screen.findByRole('button', { name: 'Import 2 changes' }));

    expect(await screen.findByText(/being assessed in the background/)).toBeTruthy();
    expect(
      await screen.findByRole('heading', { name: 'Assessing the suppliers imported from good.csv' }),
    ).toBeTruthy();
    expect(await screen.findByText('1,000 of 4,000 suppliers (25%)')).toBeTruthy();
  });
});

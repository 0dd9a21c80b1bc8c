import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeWhatIf } from '../../../../test/policy-fixtures.js';
import { renderWithProviders } from '../../../../test/render.js';
import { WhatIfResult } from './what-if-result.js';

const bandMover = {
  supplierId: '55555555-5555-4555-8555-000000000103',
  name: 'Ankara Cotton AS',
  country: 'TR',
  before: { rating: 'medium' as const, residualScore: 38 },
  after: { rating: 'high' as const, residualScore: 38 },
  delta: 0,
};

describe('WhatIfResult', () => {
  it('lists score movers under "Biggest movers" and rating changes from moved bands apart, without a 0 change', () => {
    const result = makeWhatIf({ bandMovers: [bandMover], bandMoversTotal: 1 });
    renderWithProviders(<WhatIfResult result={result} beforeLabel="Version 2 (in use)" bandsChanged />);

    const movers = screen.getByRole('table', { name: 'Suppliers whose residual risk moves most' });
    expect(within(movers).queryByText('Ankara Cotton AS')).toBeNull();
    expect(
      within(movers)
        .getAllByRole('link')
        .map((l) => l.textContent),
    ).toEqual(['Dhaka Knitwear Ltd', 'Porto Threads Lda']);
    expect(
      screen.getByText(/The 2 suppliers whose residual risk changes, largest change first/),
    ).toBeTruthy();
    // The old text said such suppliers were not listed while listing them: no such claim any more.
    expect(screen.queryByText(/is not listed here/)).toBeNull();

    const section = screen.getByRole('region', { name: 'Rating changes from moved thresholds' });
    expect(within(section).getByText(/residual risk stays the same but whose rating changes/)).toBeTruthy();
    const bands = within(section).getByRole('table', {
      name: 'Suppliers whose rating changes only because a threshold moved',
    });
    const row = within(bands).getByRole('link', { name: 'Ankara Cotton AS' }).closest('tr')!;
    expect(row.textContent).toContain('Medium');
    expect(row.textContent).toContain('High');
    expect(within(bands).queryByRole('columnheader', { name: 'Change' })).toBeNull();
  });

  it('says how many are left out when the server lists only the first ones', () => {
    const result = makeWhatIf({ moversTotal: 340, bandMovers: [bandMover], bandMoversTotal: 12 });
    renderWithProviders(<WhatIfResult result={result} beforeLabel="Version 2 (in use)" bandsChanged />);
    expect(screen.getByText(/The first 2 of 340 suppliers whose residual risk changes/)).toBeTruthy();
    expect(screen.getByText(/The first 1 of 12 suppliers whose residual risk stays the same/)).toBeTruthy();
  });

  it('shows no threshold section when the bands are the same, and says when no score moves', () => {
    const result = makeWhatIf({ movers: [], moversTotal: 0 });
    renderWithProviders(
      <WhatIfResult result={result} beforeLabel="Version 2 (in use)" bandsChanged={false} />,
    );
    expect(screen.getByText("No supplier's residual risk changes.")).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Rating changes from moved thresholds' })).toBeNull();
  });

  it('with moved bands but no supplier affected by them alone, says so', () => {
    renderWithProviders(<WhatIfResult result={makeWhatIf()} beforeLabel="Version 2 (in use)" bandsChanged />);
    const section = screen.getByRole('region', { name: 'Rating changes from moved thresholds' });
    expect(within(section).getByText(/no supplier changes rating because of that alone/)).toBeTruthy();
  });
});

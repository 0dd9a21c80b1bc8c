import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../../../test/render.js';
import { makeSupplier } from '../../../../test/supplier-fixtures.js';
import { TopRiskTable } from './top-risk-table.js';

// The highest-risk table sits in half the Overview's width: four columns, the country and goods under the name.

const risky = makeSupplier({
  name: 'Xinjiang Cotton Trading Co',
  country: 'CN',
  goods: ['cotton', 'yarn', 'garments', 'polysilicon'],
  risk: {
    assessmentId: '88888888-8888-4888-8888-888888888888',
    rating: 'critical',
    inherentScore: 90,
    residualScore: 79,
    assessedAt: '2026-11-30T10:00:00.000Z',
    policyVersion: 1,
  },
});

describe('TopRiskTable', () => {
  it('puts the country (wrapping, with its code) and goods under the name, in four columns', async () => {
    renderWithProviders(<TopRiskTable suppliers={[risky]} />);
    const table = await screen.findByRole('table', { name: 'Suppliers with the highest residual risk' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Supplier, country and goods', 'Rating', 'Residual', 'Assessed']);
    const name = within(table).getByRole('link', { name: 'Xinjiang Cotton Trading Co' });
    const cell = name.closest('td') as HTMLElement;
    expect(cell.textContent).toContain("People's Republic of China CN · cotton, yarn, garments +1 more");
  });
});

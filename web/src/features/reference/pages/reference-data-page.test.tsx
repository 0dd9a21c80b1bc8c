import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { CountryReference, ReferenceOverview } from '#shared/schemas/reference.js';
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

const turkmenistan: CountryReference = {
  iso2: 'TM',
  name: 'Turkmenistan',
  facts: {
    iso2: 'TM',
    name: 'Turkmenistan',
    tip: { tier: '2WL', edition: '2025' },
    gsi: { prevalencePer1000: null, vulnerability: 57.3, governmentResponse: null, edition: '2023' },
  },
  ilab: [
    {
      iso2: 'TM',
      good: 'Cotton',
      goodKey: 'cotton',
      sector: 'Agriculture',
      childLabor: true,
      forcedLabor: true,
      forcedChildLabor: false,
      basis: 'direct',
      inputIso2: null,
      edition: '2022',
      removedIn2024Edition: false,
      note: null,
      description: 'Cotton from Turkmenistan: listed for forced labour (ILAB 2022)',
    },
  ],
  gaps: ['No Global Slavery Index prevalence estimate: treated as unknown, not as low'],
};

describe('ReferenceDataPage', () => {
  it('lists each dataset with its edition and known gaps, and the ILO indicators', async () => {
    mockFetch({
      'GET /api/me': () => json(200, makeSession('executive')),
      'GET /api/reference-data': () => json(200, overview),
    });
    renderApp('/reference-data');

    const tip = await screen.findByRole('article', { name: 'Trafficking in Persons Report' });
    expect(within(tip).getByText('Edition 2025')).toBeTruthy();
    expect(within(tip).getByText('Known gaps')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'The 11 ILO indicators of forced labour' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Retention of identity documents' })).toBeTruthy();
  });

  it('looks a country up and shows ILAB listings, and gaps as unknown rather than low', async () => {
    const { find } = mockFetch({
      'GET /api/me': () => json(200, makeSession('officer')),
      'GET /api/reference-data': () => json(200, overview),
      'GET /api/reference-data/countries/TM': () => json(200, turkmenistan),
    });
    const { user, router } = renderApp('/reference-data');

    await user.type(await screen.findByRole('combobox', { name: 'Country' }), 'Turkmen');
    await user.keyboard('{Enter}');

    const lookup = screen.getByRole('region', { name: 'Country lookup' });
    expect(
      await within(lookup).findByText('Cotton from Turkmenistan: listed for forced labour (ILAB 2022)'),
    ).toBeTruthy();
    expect(within(lookup).getByText('Tier 2 Watch List')).toBeTruthy();
    const prevalence = within(lookup)
      .getByText('Modern slavery prevalence')
      .closest('.score-tile') as HTMLElement;
    expect(within(prevalence).getByText('Unknown')).toBeTruthy();
    const gap = within(lookup)
      .getByText(/No Global Slavery Index prevalence estimate/)
      .closest('li') as HTMLElement;
    expect(within(gap).getByText('Unknown')).toBeTruthy();
    await waitFor(() => expect(router.state.location.search).toBe('?country=TM'));
    expect(find('GET', '/api/reference-data/countries/TM')).toHaveLength(1);
  });
});

import { describe, expect, it } from 'vitest';
import { matchGoods } from './goods.js';
import { loadReferenceData } from './load-node.js';
import { countryFacts, sliceReference } from './lookup.js';

const ref = loadReferenceData();
const profile = (country: string, goods: string[]) => ({
  country,
  goods,
  tier: 1,
  headcount: null,
  migrantWorkerShare: null,
  agencyWorkerShare: null,
});

describe('countryFacts', () => {
  it.each([
    [
      'BD',
      {
        name: 'Bangladesh',
        tip: { tier: '2', edition: '2025' },
        gsi: { prevalencePer1000: 7.1, vulnerability: 58, governmentResponse: 49, edition: '2023' },
      },
    ],
    ['TM', { tip: { tier: '2WL', edition: '2025' }, gsi: { prevalencePer1000: 11.9 } }],
    [
      'XK',
      {
        name: 'Kosovo',
        tip: { tier: '2', edition: '2025' },
        gsi: { prevalencePer1000: 8, vulnerability: 40, governmentResponse: 45 },
      },
    ],
    // in the GSI without a prevalence estimate, and not in the TIP data
    ['LI', { tip: null, gsi: { prevalencePer1000: null, vulnerability: null } }],
    ['IS', { tip: { tier: '1' }, gsi: { prevalencePer1000: null } }],
    // in the TIP data, not in the GSI
    ['MO', { name: 'Macau S.A.R.', tip: { tier: '3' }, gsi: null }],
    ['LY', { tip: { tier: 'special_case' } }],
    ['KP', { tip: { tier: '3' }, gsi: { prevalencePer1000: 104.6, governmentResponse: -3 } }],
    ['AF', { gsi: { prevalencePer1000: 13, governmentResponse: null } }],
  ])('%s', (iso2, facts) => {
    expect(countryFacts(ref, iso2)).toMatchObject({ iso2, ...facts });
  });

  it.each(['AQ', 'ZZ', '', 'bd', '__proto__', 'constructor'])('%j is covered by no dataset', (iso2) => {
    expect(countryFacts(ref, iso2)).toBeNull();
  });
});

describe('sliceReference', () => {
  it('keeps the datasets, the country and the rows the goods matched', () => {
    const slice = sliceReference(ref, profile('BD', ['Apparel', 'Cotton lint', 'widgets']));
    // Identity and edition stay (the manifest of that edition names the source); nothing scoring never reads.
    expect(slice.datasets).toEqual(
      ref.datasets.map((d) => ({ id: d.id, kind: d.kind, shortName: d.shortName, edition: d.edition })),
    );
    expect(slice.datasets.map((d) => `${d.id}@${d.edition}`)).toEqual(
      ref.datasets.map((d) => `${d.id}@${d.edition}`),
    );
    expect(Object.keys(slice.countries)).toEqual(['BD']);
    expect(slice.iloIndicators).toEqual([]);
    // garments for BD; cotton is listed only elsewhere, so one row proves it is on the list; widgets: nothing
    expect(slice.ilab.map((l) => `${l.iso2} ${l.good}`)).toEqual(['AR Cotton', 'BD Garments']);
    // ...and every country the list has cotton for: the proof that Bangladesh is not one of them.
    const cottonCountries = [...new Set(ref.ilab.filter((l) => l.goodKey === 'cotton').map((l) => l.iso2))];
    expect(slice.ilabListedElsewhere).toEqual([{ goodKey: 'cotton', listedFor: cottonCountries.sort() }]);
    expect(cottonCountries).not.toContain('BD');
    expect(cottonCountries.length).toBeGreaterThan(10);
    expect(matchGoods(slice, 'BD', ['Apparel', 'Cotton lint', 'widgets'])).toEqual(
      matchGoods(ref, 'BD', ['Apparel', 'Cotton lint', 'widgets']),
    );
  });

  it('holds no country for a country no dataset covers', () => {
    const slice = sliceReference(ref, profile('AQ', ['cotton']));
    expect(slice.countries).toEqual({});
    expect(slice.ilab).toHaveLength(1);
    expect(slice.ilabListedElsewhere?.[0]?.listedFor).not.toContain('AQ');
  });

  it('keeps no list of countries when every good is listed for the country, or unknown', () => {
    expect(sliceReference(ref, profile('BD', ['garments', 'widgets']))).not.toHaveProperty(
      'ilabListedElsewhere',
    );
  });

  // Every good against every country: ~2.5 s on a quiet machine, over 5 s (the default limit) at load 8.
  it('matches goods exactly as the full data does, for every good and country', { timeout: 30_000 }, () => {
    const goods = [...new Set(ref.ilab.map((l) => l.good))];
    const inputs = [
      ...goods,
      'palm',
      'solar panels',
      'organic cotton t-shirts',
      'seafood',
      'widgets',
      'steel',
    ];
    for (const iso2 of [...Object.keys(ref.countries), 'AQ']) {
      const p = profile(iso2, inputs);
      const slice = sliceReference(ref, p);
      const matches = matchGoods(ref, iso2, inputs);
      expect(matchGoods(slice, iso2, inputs)).toEqual(matches);
      // Each good listed only elsewhere: all the countries the full list has it for, never this one.
      const elsewhere = new Map(slice.ilabListedElsewhere?.map((e) => [e.goodKey, e.listedFor]));
      expect(elsewhere.size > 0, iso2).toBe(matches.some((m) => m.status === 'not_listed'));
      for (const [goodKey, listedFor] of elsewhere) {
        const full = [...new Set(ref.ilab.filter((l) => l.goodKey === goodKey).map((l) => l.iso2))].sort();
        expect(listedFor, `${iso2} ${goodKey}`).toEqual(full);
        expect(listedFor).not.toContain(iso2);
      }
      expect(JSON.stringify(sliceReference(slice, p))).toBe(JSON.stringify(slice));
    }
  });
});

import { describe, expect, it } from 'vitest';
import { diffReference, withEdition } from './editions.js';
import { loadReferenceData } from './load-node.js';
import { countryFacts } from './lookup.js';

const ref = loadReferenceData();
const info = (kind: 'us_tip' | 'gsi' | 'ilab', edition: string) => ({
  ...ref.datasets.find((d) => d.kind === kind)!,
  id: `${kind}-${edition}-test`,
  edition,
});

describe('withEdition', () => {
  it('swaps one dataset in, leaving the others and the shipped object untouched', () => {
    const rows = ref.ilab.filter((l) => !(l.iso2 === 'TH' && l.goodKey === 'shrimp'));
    const next = withEdition(ref, { info: info('ilab', '2024'), content: { kind: 'ilab', rows } });
    expect(next.ilab).toHaveLength(ref.ilab.length - 1);
    expect(next.datasets.find((d) => d.kind === 'ilab')!.id).toBe('ilab-2024-test');
    expect(next.countries).toBe(ref.countries);
    expect(ref.ilab.some((l) => l.iso2 === 'TH' && l.goodKey === 'shrimp')).toBe(true);
  });

  it('replaces TIP tiers and drops a country no dataset covers any more', () => {
    const rows = [{ iso2: 'MY', name: 'Malaysia', tier: '2WL' as const }];
    const next = withEdition(ref, { info: info('us_tip', '2026'), content: { kind: 'us_tip', rows } });
    expect(countryFacts(next, 'MY')!.tip).toEqual({ tier: '2WL', edition: '2026' });
    expect(countryFacts(next, 'TH')!.tip).toBeNull();
    expect(countryFacts(next, 'TH')!.gsi).not.toBeNull();
    // Aruba has a TIP tier but no GSI entry in the shipped data: without a tier it is covered by nothing.
    expect(countryFacts(ref, 'AW')).not.toBeNull();
    expect(countryFacts(next, 'AW')).toBeNull();
    expect(Object.keys(next.countries)).toEqual([...Object.keys(next.countries)].sort());
  });
});

describe('diffReference', () => {
  it.each([
    [
      'ilab',
      () => {
        const rows = ref.ilab
          .filter((l) => !(l.iso2 === 'TH' && l.goodKey === 'shrimp'))
          .map((l) => (l.iso2 === 'CN' && l.good === 'Cotton' ? { ...l, childLabor: false } : l));
        const pvc = { ...rows.find((l) => l.iso2 === 'CN')!, good: 'PVC', goodKey: 'pvc', childLabor: false };
        return withEdition(ref, {
          info: info('ilab', '2024'),
          content: { kind: 'ilab', rows: [...rows, { ...pvc, forcedLabor: true, forcedChildLabor: false }] },
        });
      },
      [
        'China cotton: child labour, forced labour, forced child labour → forced labour, forced child labour',
        'PVC added for China (forced labour)',
        'Thailand shrimp removed',
      ],
    ],
    [
      'gsi',
      () => {
        const rows = Object.values(ref.countries)
          .filter((c) => c.gsi && c.iso2 !== 'IS')
          .map((c) => ({
            iso2: c.iso2,
            name: c.name,
            prevalencePer1000: c.iso2 === 'IN' ? 7.5 : c.gsi!.prevalencePer1000,
            vulnerability: c.gsi!.vulnerability,
            governmentResponse: c.gsi!.governmentResponse,
          }));
        return withEdition(ref, { info: info('gsi', '2026'), content: { kind: 'gsi', rows } });
      },
      [
        'Iceland removed',
        `India: prevalence per 1,000 ${countryFacts(ref, 'IN')!.gsi!.prevalencePer1000} → 7.5`,
      ],
    ],
  ] as const)('words the changes of %s', (kind, after, texts) => {
    const diff = diffReference(kind, ref, after());
    expect(diff.changes.map((c) => c.text)).toEqual(texts);
    expect(diff.added + diff.removed + diff.changed).toBe(texts.length);
    expect(diff.to.id).toMatch(/-test$/);
  });

  it('finds nothing between an edition and itself', () => {
    expect(diffReference('us_tip', ref, ref)).toMatchObject({
      added: 0,
      removed: 0,
      changed: 0,
      changes: [],
    });
  });
});

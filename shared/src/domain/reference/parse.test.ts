import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadReferenceData, REFERENCE_DATA_DIR } from './load-node.js';
import { parseReferenceData, type ReferenceFiles } from './parse.js';
import { type IlabListing, ReferenceDataSchema } from './types.js';

const read = (file: string) => readFileSync(`${REFERENCE_DATA_DIR}${file}`, 'utf8');
const files = (): ReferenceFiles => ({
  manifest: JSON.parse(read('manifest.json')),
  tipCsv: read('us-tip-tiers.csv'),
  gsiCsv: read('global-slavery-index.csv'),
  ilabCsv: read('ilab-goods.csv'),
  iloJson: JSON.parse(read('ilo-forced-labour-indicators.json')),
});

describe('parseReferenceData on the shipped files', () => {
  const ref = loadReferenceData();

  it('reads every row and names every dataset', () => {
    expect(ref.datasets.map((d) => [d.id, d.kind, d.edition, d.rows])).toEqual([
      ['gsi-2023', 'gsi', '2023', 180],
      ['ilab-2022', 'ilab', '2022', 467],
      ['ilo-indicators-2012', 'ilo_indicators', '2012', 11],
      ['us-tip-2025', 'us_tip', '2025', 188],
    ]);
    for (const d of ref.datasets) {
      expect(d.publisher).not.toBe('');
      expect(d.url).toMatch(/^https:\/\//);
      expect(d.gaps.length).toBeGreaterThan(0);
    }
    // 188 TIP countries + Liechtenstein (GSI only)
    expect(Object.keys(ref.countries)).toHaveLength(189);
    expect(ref.ilab).toHaveLength(467);
    expect(ref.iloIndicators.map((i) => i.id)).toEqual(
      Array.from({ length: 11 }, (_, i) => `ILO-FL-${String(i + 1).padStart(2, '0')}`),
    );
  });

  it('is plain JSON that its own schema accepts', () => {
    expect(JSON.parse(JSON.stringify(ref))).toEqual(ref);
    expect(ReferenceDataSchema.safeParse(ref).success).toBe(true);
  });

  it('orders countries and ILAB rows deterministically', () => {
    const codes = Object.keys(ref.countries);
    expect(codes).toEqual([...codes].sort());
    // by country, then good key, then published name
    const before = (a: IlabListing, b: IlabListing) =>
      a.iso2 < b.iso2 ||
      (a.iso2 === b.iso2 && (a.goodKey < b.goodKey || (a.goodKey === b.goodKey && a.good < b.good)));
    for (let i = 1; i < ref.ilab.length; i++) expect(before(ref.ilab[i - 1]!, ref.ilab[i]!)).toBe(true);
    expect(JSON.stringify(parseReferenceData(files()))).toBe(JSON.stringify(ref));
  });

  it('reads CRLF files the same, and is loaded once per process', () => {
    const crlf = { ...files(), tipCsv: files().tipCsv.replace(/\n/g, '\r\n') };
    expect(parseReferenceData(crlf).countries).toEqual(ref.countries);
    expect(loadReferenceData()).toBe(ref);
  });

  it('keeps the flags and caveats of a row', () => {
    const shrimp = ref.ilab.find((l) => l.iso2 === 'TH' && l.good === 'Shrimp')!;
    expect(shrimp).toMatchObject({
      forcedLabor: true,
      childLabor: true,
      removedIn2024Edition: true,
      basis: 'direct',
    });
    const batteries = ref.ilab.find((l) => l.good === 'Lithium-Ion Batteries')!;
    expect(batteries).toMatchObject({
      basis: 'downstream_input',
      inputIso2: 'CD',
      forcedLabor: false,
      note: expect.any(String),
    });
    expect(ref.ilab.filter((l) => l.basis === 'downstream_input')).toHaveLength(10);
  });
});

describe('parseReferenceData refuses malformed files', () => {
  const withTip = (mutate: (csv: string) => string): ReferenceFiles => ({
    ...files(),
    tipCsv: mutate(files().tipCsv),
  });

  it.each([
    [
      'an unknown tier',
      withTip((csv) => csv.replace('AF,AFG,Afghanistan,3,', 'AF,AFG,Afghanistan,4,')),
      /us-tip-tiers\.csv line 2: tier:/,
    ],
    [
      'a code that is not ISO',
      withTip((csv) => csv.replace('AF,AFG,Afghanistan,', 'QQ,AFG,Afghanistan,')),
      /us-tip-tiers\.csv line 2: iso_alpha2: not an ISO/,
    ],
    [
      'a short row',
      withTip((csv) => csv.replace('AL,ALB,Albania,2,2025,,,hawkeye,', 'AL,ALB,Albania,2')),
      /us-tip-tiers\.csv line 3: 4 cells, the header has 9/,
    ],
    [
      'a duplicate country',
      withTip((csv) => csv.replace('AL,ALB,Albania,', 'AF,ALB,Albania,')),
      /duplicate row for AF/,
    ],
    ['an unterminated quote', withTip((csv) => `${csv}"`), /unterminated quoted field/],
  ])('%s', (_, input, message) => {
    expect(() => parseReferenceData(input)).toThrow(message);
  });

  it('refuses a prevalence that is not a number', () => {
    const input = {
      ...files(),
      gsiCsv: files().gsiCsv.replace(
        'Bangladesh,Asia and the Pacific,164689000,7.1,',
        'Bangladesh,Asia and the Pacific,164689000,seven,',
      ),
    };
    expect(() => parseReferenceData(input)).toThrow(
      /global-slavery-index\.csv line \d+: prevalence_per_1000/,
    );
  });

  it('refuses a direct ILAB listing with no kind of exploitation', () => {
    const input = {
      ...files(),
      ilabCsv: files().ilabCsv.replace(
        'AF,Afghanistan,Carpets,Manufacturing,true,false,false',
        'AF,Afghanistan,Carpets,Manufacturing,false,false,false',
      ),
    };
    expect(() => parseReferenceData(input)).toThrow(
      /ilab-goods\.csv line 3: listing_basis: a direct listing/,
    );
  });

  it('refuses a file whose row count disagrees with the manifest', () => {
    const input = withTip((csv) => csv.split('\n').slice(0, -2).join('\n'));
    expect(() => parseReferenceData(input)).toThrow(/us-tip-tiers\.csv: 187 rows, the manifest says 188/);
  });

  it('refuses a manifest without one of the four datasets', () => {
    const manifest = JSON.parse(read('manifest.json'));
    manifest.datasets = manifest.datasets.filter((d: { kind: string }) => d.kind !== 'gsi');
    expect(() => parseReferenceData({ ...files(), manifest })).toThrow(/no dataset of kind gsi/);
  });
});

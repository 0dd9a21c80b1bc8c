import { describe, expect, it } from 'vitest';
import { describeListing, matchGoods, normaliseGood } from './goods.js';
import { GOOD_GROUPS, SYNONYMS } from './goods-synonyms.js';
import { loadReferenceData } from './load-node.js';

const ref = loadReferenceData();
const listingKeys = new Set(ref.ilab.map((l) => l.goodKey));

describe('normaliseGood', () => {
  it.each([
    ['Cotton', 'cotton'],
    ['  COTTON   lint ', 'cotton'],
    ['raw cotton', 'cotton'],
    ['Seed-cotton', 'cotton'],
    ['Garments', 'garment'],
    ['garment', 'garment'],
    ['Apparel', 'garment'],
    ['clothing', 'garment'],
    ['Clothes', 'garment'],
    ['T-Shirts', 'garment'],
    ['Prawns', 'shrimp'],
    ['shrimps', 'shrimp'],
    ['Cocoa beans', 'cocoa'],
    ['Sugar cane', 'sugarcane'],
    ['Sugarcane', 'sugarcane'],
    ['Palm oil', 'palm'],
    ['Palm Fruit', 'palm'],
    ['Crude Palm Kernel Oil', 'palm'],
    ['palm', 'palm'],
    ['Palm Thatch', 'palm thatch'],
    ['Solar panels', 'solar'],
    ['Polysilicon', 'solar'],
    ['Tomato Products', 'tomato'],
    ['Dried Fish', 'fish'],
    ['Lithium-Ion Batteries', 'lithium ion battery'],
    ['Li-ion batteries', 'lithium ion battery'],
    ['Cobalt ore (heterogenite)', 'cobalt'],
    ['cobalt', 'cobalt'],
    ['Tin ore (cassiterite)', 'tin'],
    ['coltan', 'tantalum'],
    ['Açaí Berries', 'acai berry'],
    ['Brazil Nuts/Chestnuts', 'brazil nut'],
    ['Manioc/Cassava', 'manioc'],
    ['cassava', 'manioc'],
    ['Bidis (hand-rolled cigarettes)', 'bidi'],
    ['Matches', 'match'],
    ['Glass', 'glass'],
    ['Tomatoes', 'tomato'],
    ['Strawberries', 'strawberry'],
    ['Electronics', 'electronics'],
    ['Leather Goods/Accessories', 'leather goods'],
    ['Christmas Decorations', 'christmas decoration'],
    ['Pyrotechnics', 'firework'],
    ['Bovines', 'cattle'],
    ['maize', 'corn'],
    ['Nitrile gloves', 'rubber glove'],
    ['Stones (limestone)', 'stone'],
    ['widgets', 'widget'],
    ['', ''],
    ['!!!', ''],
  ])('%j → %j', (input, key) => {
    expect(normaliseGood(input)).toBe(key);
  });

  it('gives every ILAB good a key that ignores case and surrounding space', () => {
    for (const l of ref.ilab) {
      expect(normaliseGood(l.good.toUpperCase())).toBe(l.goodKey);
      expect(normaliseGood(` ${l.good} `)).toBe(l.goodKey);
    }
  });

  it('maps every synonym to a listed good or a group, and every group member is listed', () => {
    for (const [variant, key] of SYNONYMS) {
      expect(listingKeys.has(key) || GOOD_GROUPS.has(key), `${variant} → ${key}`).toBe(true);
      // a variant is itself in normal form, so normalising it gives its key
      expect(normaliseGood(variant), variant).toBe(key);
    }
    for (const [group, members] of GOOD_GROUPS) {
      for (const m of members) expect(listingKeys.has(m), `${group}: ${m}`).toBe(true);
    }
  });
});

describe('matchGoods', () => {
  it.each([
    ['TM', 'Cotton lint', 'cotton', 'listed', ['Cotton']],
    ['TM', 'cotton', 'cotton', 'listed', ['Cotton']],
    ['BD', 'Apparel', 'garment', 'listed', ['Garments']],
    ['BD', 'cotton', 'cotton', 'not_listed', []],
    ['DE', 'cotton', 'cotton', 'not_listed', []],
    ['BD', 'widgets', 'widget', 'unknown_good', []],
    ['ZZ', 'widgets', 'widget', 'unknown_good', []],
    [
      'ID',
      'palm oil',
      'palm',
      'listed',
      [
        'Crude Palm Kernel Oil',
        'Crude Palm Oil',
        'Palm Fruit',
        'Refined Palm Kernel Oil',
        'Refined Palm Oil',
      ],
    ],
    ['MY', 'palm oil', 'palm', 'listed', ['Palm Fruit']],
    ['MY', 'crude palm oil', 'palm', 'listed', ['Palm Fruit']],
    ['MY', 'palm', 'palm', 'listed', ['Palm Fruit']],
    ['MY', 'palm thatch', 'palm thatch', 'not_listed', []],
    ['CN', 'tomatoes', 'tomato', 'listed', ['Tomato Products']],
    ['MX', 'tomato paste', 'tomato', 'listed', ['Tomatoes']],
    ['CN', 'rubber gloves', 'rubber glove', 'listed', ['Gloves']],
    ['CN', 'Lithium-ion batteries', 'lithium ion battery', 'listed', ['Lithium-Ion Batteries']],
    ['CN', 'organic cotton', 'cotton', 'listed', ['Cotton']],
    ['IN', 'cotton t-shirts', 'garment', 'listed', ['Garments']],
    ['MY', 'nitrile gloves', 'rubber glove', 'listed', ['Rubber Gloves']],
    ['TH', 'prawns', 'shrimp', 'listed', ['Shrimp']],
    ['CD', 'cobalt', 'cobalt', 'listed', ['Cobalt ore (heterogenite)']],
    ['CO', 'bricks', 'brick', 'listed', ['Bricks (clay)']],
  ] as const)('%s %j → %s %s', (iso2, input, goodKey, status, goods) => {
    const [m] = matchGoods(ref, iso2, [input]);
    expect(m).toMatchObject({ input, goodKey, status });
    expect(m!.listings.map((l) => l.good)).toEqual(goods);
    for (const l of m!.listings) expect(l.iso2).toBe(iso2);
  });

  it('matches "solar panels" in China with the modules and every upstream input', () => {
    const [m] = matchGoods(ref, 'CN', ['Solar panels']);
    expect(m!.status).toBe('listed');
    expect(m!.listings.map((l) => l.good).sort()).toEqual(
      ['Photovoltaic Ingots', 'Photovoltaic Wafers', 'Polysilicon', 'Solar Cells', 'Solar Modules'].sort(),
    );
  });

  it('keeps one result per input, in input order', () => {
    const ms = matchGoods(ref, 'BD', ['widgets', 'Garments', 'cotton']);
    expect(ms.map((m) => [m.input, m.status])).toEqual([
      ['widgets', 'unknown_good'],
      ['Garments', 'listed'],
      ['cotton', 'not_listed'],
    ]);
  });
});

describe('describeListing', () => {
  const find = (iso2: string, good: string) => ref.ilab.find((l) => l.iso2 === iso2 && l.good === good)!;

  it.each([
    [
      'TM',
      'Cotton',
      'Turkmenistan',
      'Cotton from Turkmenistan: listed for forced labour and child labour (ILAB 2022)',
    ],
    ['MY', 'Rubber Gloves', 'Malaysia', 'Rubber Gloves from Malaysia: listed for forced labour (ILAB 2022)'],
    ['AF', 'Carpets', 'Afghanistan', 'Carpets from Afghanistan: listed for child labour (ILAB 2022)'],
    [
      'AF',
      'Bricks',
      'Afghanistan',
      'Bricks from Afghanistan: listed for forced labour, forced child labour and child labour (ILAB 2022)',
    ],
    [
      'TH',
      'Shrimp',
      'Thailand',
      'Shrimp from Thailand: listed for forced labour, forced child labour and child labour (ILAB 2022; reported removed in the 2024 edition)',
    ],
    [
      'CN',
      'Solar Modules',
      'China',
      'Solar Modules from China: listed as made with an input from China produced with child or forced labour (ILAB 2022)',
    ],
    [
      'CN',
      'Lithium-Ion Batteries',
      'China',
      'Lithium-Ion Batteries from China: listed as made with an input from Democratic Republic of the Congo produced with child or forced labour (ILAB 2022)',
    ],
  ])('%s %s', (iso2, good, name, text) => {
    expect(describeListing(find(iso2, good), name)).toBe(text);
  });
});

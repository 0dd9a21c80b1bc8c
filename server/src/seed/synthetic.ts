import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import { SUPPLIER_CSV_COLUMNS, type SupplierCsvColumn } from '#shared/schemas/suppliers.js';

// A synthetic supplier base of any size for benchmarks and load tests. Deterministic (seeded PRNG), with a
// spread like a large consumer-goods buyer's: most spend in China, India, Bangladesh, Viet Nam and Türkiye,
// a long tail of other countries, goods that are often on the ILAB list, and a multi-tier chain.

const mulberry32 = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const COUNTRY_WEIGHTS: [string, number][] = [
  ['CN', 18],
  ['IN', 10],
  ['BD', 8],
  ['VN', 7],
  ['TR', 6],
  ['US', 5],
  ['DE', 4],
  ['MX', 4],
  ['GB', 3],
  ['PK', 3],
  ['ID', 3],
  ['TH', 3],
  ['MY', 3],
  ['BR', 3],
  ['IT', 2],
  ['PL', 2],
  ['KH', 2],
  ['LK', 1],
  ['MM', 1],
  ['ET', 1],
  ['CI', 1],
  ['GH', 1],
  ['PH', 1],
  ['MA', 1],
  ['PT', 1],
  ['RO', 1],
  ['EG', 1],
  ['KE', 0.5],
  ['TM', 0.3],
  ['UZ', 0.5],
  ['CD', 0.3],
  ['QA', 0.3],
  ['AE', 0.5],
  ['SA', 0.3],
];
const GOODS_BY_COUNTRY: Record<string, string[]> = {
  CN: [
    'garments',
    'electronics',
    'cotton',
    'gloves',
    'polysilicon',
    'solar modules',
    'textiles',
    'toys',
    'bricks',
  ],
  IN: ['garments', 'cotton', 'tea', 'bricks', 'textiles', 'carpets', 'leather'],
  BD: ['garments', 'textiles', 'shrimp', 'leather', 'bricks'],
  VN: ['garments', 'footwear', 'electronics', 'furniture', 'shrimp'],
  TR: ['garments', 'cotton', 'textiles', 'furniture', 'hazelnuts'],
  MY: ['electronics', 'rubber gloves', 'palm oil', 'garments'],
  TH: ['shrimp', 'fish', 'garments', 'sugarcane'],
  ID: ['palm oil', 'fish', 'footwear', 'furniture'],
  BR: ['coffee', 'beef', 'sugarcane', 'cotton'],
  PK: ['cotton', 'textiles', 'leather', 'surgical instruments', 'carpets'],
  CI: ['cocoa', 'coffee'],
  GH: ['cocoa', 'fish'],
  MX: ['tomatoes', 'garments', 'electronics', 'auto parts'],
  KH: ['garments', 'bricks'],
  MM: ['garments', 'rice'],
  TM: ['cotton'],
  UZ: ['cotton', 'garments'],
  CD: ['cobalt', 'copper'],
};
const GENERIC_GOODS = [
  'packaging',
  'chemicals',
  'machinery parts',
  'logistics',
  'cleaning services',
  'software',
  'furniture',
  'food ingredients',
  'printing',
];
const STATUSES = ['active', 'active', 'active', 'active', 'onboarding', 'suspended'] as const;

const pick = <T>(rand: () => number, list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;

export function* syntheticSupplierRows(
  count: number,
  seed = 42,
): Generator<Record<SupplierCsvColumn, string>> {
  const rand = mulberry32(seed);
  const totalWeight = COUNTRY_WEIGHTS.reduce((s, [, w]) => s + w, 0);
  const drawCountry = () => {
    let x = rand() * totalWeight;
    for (const [c, w] of COUNTRY_WEIGHTS) {
      x -= w;
      if (x < 0) return c;
    }
    return 'CN';
  };
  const byTier: string[][] = [[], [], [], [], []];
  for (let i = 0; i < count; i++) {
    const ref = `SYN-${String(i + 1).padStart(7, '0')}`;
    const r = rand();
    let tier = r < 0.6 ? 1 : r < 0.88 ? 2 : r < 0.98 ? 3 : 4;
    if (byTier[tier - 2]?.length === 0) tier = 1;
    const country = drawCountry();
    const goods = [
      rand() < 0.7 && GOODS_BY_COUNTRY[country]
        ? pick(rand, GOODS_BY_COUNTRY[country]!)
        : pick(rand, GENERIC_GOODS),
    ];
    if (rand() < 0.2) goods.push(pick(rand, GENERIC_GOODS));
    const headcount = Math.round(20 * Math.exp(rand() * 5));
    byTier[tier - 1]!.push(ref);
    yield {
      external_ref: ref,
      name: `Synthetic Supplier ${i + 1} ${country}`,
      legal_name: '',
      country,
      goods: [...new Set(goods)].join(';'),
      sector: '',
      tier: String(tier),
      parent_external_ref: tier > 1 ? pick(rand, byTier[tier - 2]!) : '',
      annual_spend: String(Math.round(1000 * Math.exp(rand() * 8))),
      currency: 'USD',
      headcount: String(headcount),
      migrant_worker_share: String(Math.round(rand() * rand() * 100)),
      agency_worker_share: String(Math.round(rand() * rand() * 100)),
      status: pick(rand, STATUSES),
      tags: rand() < 0.3 ? 'strategic' : '',
      contact_name: '',
      contact_email: '',
      contact_phone: '',
    };
  }
}

/** The same rows as a CSV byte stream, as an officer would upload them. */
export const syntheticSupplierCsv = (count: number, seed = 42): Readable =>
  Readable.from(syntheticSupplierRows(count, seed)).pipe(
    stringify({ header: true, columns: [...SUPPLIER_CSV_COLUMNS] }),
  );

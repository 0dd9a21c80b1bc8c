import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatasetInfo } from '#shared/domain/reference/types.js';
import type { CountryReference, GoodMatchAnswer } from '#shared/schemas/reference.js';
import { type Client, setupTestApp, type TestContext } from '../../../test/app.js';

let t: TestContext;
let executive: Client;

beforeAll(async () => {
  t = await setupTestApp();
  executive = await t.login(t.orgA.executive);
});
afterAll(() => t?.close());

const country = async (iso2: string) => {
  const res = await executive.get(`/api/reference-data/countries/${iso2}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as CountryReference;
};

describe('GET /api/reference-data', () => {
  it('lists the four datasets with publisher, edition, URL and known gaps', async () => {
    const res = await executive.get('/api/reference-data');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const datasets: DatasetInfo[] = body.datasets;
    expect(datasets.map((d) => [d.id, d.kind, d.edition]).sort()).toEqual([
      ['gsi-2023', 'gsi', '2023'],
      ['ilab-2022', 'ilab', '2022'],
      ['ilo-indicators-2012', 'ilo_indicators', '2012'],
      ['us-tip-2025', 'us_tip', '2025'],
    ]);
    for (const d of datasets) {
      expect(d.publisher.length).toBeGreaterThan(0);
      expect(d.url).toMatch(/^https:\/\//);
      expect(d.gaps.length).toBeGreaterThan(0);
    }
    expect(body.countries).toBeGreaterThan(150);
    expect(body.ilabListings).toBeGreaterThan(400);
    expect(body.iloIndicators).toHaveLength(11);
  });
});

describe('GET /api/reference-data/countries/:iso2', () => {
  it('shows Turkmen cotton as listed for forced labour, in words', async () => {
    const tm = await country('TM');
    expect(tm).toMatchObject({ iso2: 'TM', name: 'Turkmenistan' });
    expect(tm.facts?.tip).toMatchObject({ edition: '2025' });
    const cotton = tm.ilab.find((l) => l.goodKey === 'cotton')!;
    expect(cotton).toMatchObject({ good: 'Cotton', forcedLabor: true, edition: '2022' });
    expect(cotton.description).toMatch(
      /^Cotton from Turkmenistan: listed for forced labour\b.*\(ILAB 2022\)$/,
    );
    expect(tm.gaps.some((g) => /prevalence/.test(g))).toBe(false);
  });

  it.each(['IS', 'LU'])('says what is unknown for %s, which has no GSI prevalence estimate', async (iso2) => {
    const c = await country(iso2);
    expect(c.facts?.gsi?.prevalencePer1000 ?? null).toBeNull();
    const gap = c.gaps.find((g) => g.includes('GSI'));
    expect(gap).toMatch(/unknown/);
    expect(gap).toMatch(/not as low/);
  });

  it('knows Kosovo (XK), a user-assigned code the datasets use', async () => {
    const xk = await country('xk');
    expect(xk).toMatchObject({ iso2: 'XK', name: 'Kosovo' });
    expect(xk.facts?.tip).not.toBeNull();
  });

  it('says when a country has no listed goods', async () => {
    const dk = await country('DK');
    expect(dk.ilab).toEqual([]);
    expect(dk.gaps.some((g) => g.includes('ILAB'))).toBe(true);
  });

  it.each([
    ['ZZ', 'not an ISO code'],
    ['B1', 'not two letters'],
    ['BGD', 'three letters'],
  ])('refuses %s (%s) with 400 naming iso2', async (iso2) => {
    const res = await executive.get(`/api/reference-data/countries/${iso2}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.issues.map((i: { path: string }) => i.path)).toEqual(['iso2']);
  });
});

const goodMatch = async (query: string) => {
  const res = await executive.get(`/api/reference-data/goods/match?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as GoodMatchAnswer;
};

describe('GET /api/reference-data/goods/match', () => {
  it('matches Malaysian palm oil to the palm fruit listed there', async () => {
    const m = await goodMatch('good=crude%20palm%20oil&country=my');
    expect(m).toMatchObject({
      good: 'crude palm oil',
      country: 'MY',
      recognised: true,
      goodKey: 'palm',
      status: 'listed',
      suggestions: [],
    });
    expect(m.matchedGoods).toEqual(expect.arrayContaining(['Palm Fruit', 'Crude Palm Oil']));
    expect(m.listings.map((l) => l.good)).toEqual(['Palm Fruit']);
    expect(m.listings[0]!.description).toMatch(/^Palm Fruit from Malaysia: listed for forced labour/);
  });

  it('says a good listed elsewhere is recognised but not listed for the country', async () => {
    expect(await goodMatch('good=cotton&country=DE')).toMatchObject({
      recognised: true,
      status: 'not_listed',
      listings: [],
    });
  });

  it('without a country, says only whether the good is recognised', async () => {
    expect(await goodMatch('good=Tomato%20paste')).toMatchObject({
      country: null,
      recognised: true,
      status: null,
      matchedGoods: expect.arrayContaining(['Tomato Products', 'Tomatoes']),
    });
  });

  it('offers the closest listed goods for a good it does not recognise', async () => {
    expect(await goodMatch('good=cotten%20yarnz&country=CN')).toMatchObject({
      recognised: false,
      status: 'unknown_good',
      matchedGoods: [],
      suggestions: expect.arrayContaining(['Cotton']),
    });
    expect((await goodMatch('good=auto%20parts')).suggestions).toEqual([]);
  });

  it.each([
    ['', ['good']],
    ['country=MY', ['good']],
    ['good=%20%20', ['good']],
    [`good=${'x'.repeat(101)}`, ['good']],
    ['good=cotton&country=ZZ', ['country']],
    ['good=cotton&country=BGD', ['country']],
    ['good=cot%00ton', ['good']],
  ])('refuses %j with 400 naming %j', async (query, paths) => {
    const res = await executive.get(`/api/reference-data/goods/match?${query}`);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.issues.map((i: { path: string }) => i.path)).toEqual(paths);
  });
});

describe('access', () => {
  it('answers 401 without a session', async () => {
    for (const url of [
      '/api/reference-data',
      '/api/reference-data/countries/TM',
      '/api/reference-data/goods/match?good=cotton',
    ]) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(401);
    }
  });
});

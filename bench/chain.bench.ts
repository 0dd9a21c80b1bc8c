import { randomUUID } from 'node:crypto';
import { withTenant } from '../server/src/db/tenant.js';
import { recomputeChainRisk } from '../server/src/modules/suppliers/suppliers-chain.repo.js';
import { type Bench, now, percentile, rawQuery, seconds } from './setup.js';

// Chain risk (issue 8): the register sorted by chain risk, 100,000 suppliers in chains up to 30 tiers.

const mulberry32 = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const MAX_TIER = 30;
const RATING_OF = (score: number) =>
  score >= 75 ? ['critical', 4] : score >= 50 ? ['high', 3] : score >= 25 ? ['medium', 2] : ['low', 1];

/**
 * `n` assessed-looking suppliers in a forest whose chains reach MAX_TIER (about a third at the top, the rest
 * below a random supplier one tier up), written as the owner in batches: the bench measures reading them,
 * not writing them. Tiers follow the chain; one in five is never assessed.
 */
const seedForest = async (b: Bench, n: number) => {
  const rand = mulberry32(8);
  const byTier: string[][] = Array.from({ length: MAX_TIER }, () => []);
  let batch: Record<string, unknown>[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    await rawQuery(
      b,
      `insert into suppliers (id, org_id, name, country, tier, parent_id, rating, rating_rank, residual_score, inherent_score)
       select id, org_id, name, country, tier, parent_id, rating, rating_rank, residual_score, inherent_score
       from json_populate_recordset(null::suppliers, $1::text::json)`,
      [JSON.stringify(batch)],
    );
    batch = [];
  };
  for (let i = 0; i < n; i++) {
    // Deeper tiers get rarer, but every chain can reach MAX_TIER.
    let tier = rand() < 0.3 ? 1 : Math.min(MAX_TIER, 2 + Math.floor(-Math.log(1 - rand()) * 6));
    while (tier > 1 && byTier[tier - 2]!.length === 0) tier--;
    const id = randomUUID();
    const parents = tier > 1 ? byTier[tier - 2]! : undefined;
    const assessed = rand() >= 0.2;
    const score = Math.round(rand() * rand() * 1000) / 10;
    const [rating, rank] = RATING_OF(score);
    batch.push({
      id,
      org_id: b.orgId,
      name: `Chain Supplier ${i + 1}`,
      country: 'CN',
      tier,
      parent_id: parents ? parents[Math.floor(rand() * parents.length)] : null,
      rating: assessed ? rating : null,
      rating_rank: assessed ? rank : 0,
      residual_score: assessed ? score : null,
      inherent_score: assessed ? score : null,
    });
    byTier[tier - 1]!.push(id);
    if (batch.length === 5000) await flush();
  }
  await flush();
  await rawQuery(b, 'analyze suppliers');
  return byTier.findLastIndex((t) => t.length > 0) + 1;
};

/** GET /api/suppliers sorted by chain risk (a page of 50) vs the two SQL statements it runs, p50 and p95. */
export const benchChain = async (b: Bench, n: number) => {
  const t0 = now();
  const deepest = await seedForest(b, n);
  const seeded = seconds(now() - t0);
  const t1 = now();
  await withTenant(b.database.db, b.orgId, (tx) => recomputeChainRisk(tx, b.orgId));
  const recompute = seconds(now() - t1);
  console.log(
    `chain    ${n.toLocaleString('en')} suppliers in chains up to tier ${deepest} (seeded as the owner in ${seeded.toFixed(1)} s); set-based chain-risk recompute (one statement, what a rescore adds) ${recompute.toFixed(2)} s`,
  );
  const url = '/api/suppliers?limit=50&sort=chain_risk&order=desc';
  const page = `select * from suppliers where org_id = $1 and archived_at is null
    order by chain_risk_rank desc, chain_risk_score desc, id asc limit 50 offset 0`;
  const total = 'select count(*) from suppliers where org_id = $1 and archived_at is null';
  const params = [b.orgId];
  const runs = 200;
  const ours: number[] = [];
  const raw: number[] = [];
  let first: string | undefined;
  for (let i = 0; i < runs + 20; i++) {
    let t = now();
    const res = await b.app.inject({ method: 'GET', url, headers: b.headers });
    const a = seconds(now() - t) * 1000;
    if (res.statusCode !== 200)
      throw new Error(`chain list failed: ${res.statusCode} ${res.body.slice(0, 300)}`);
    first ??= res.json().items[0]?.chainRisk?.rating;
    t = now();
    await Promise.all([rawQuery(b, page, params), rawQuery(b, total, params)]);
    const r = seconds(now() - t) * 1000;
    if (i >= 20) {
      ours.push(a);
      raw.push(r);
    }
  }
  const p50 = percentile(ours, 50) / percentile(raw, 50);
  const p95 = percentile(ours, 95) / percentile(raw, 95);
  console.log(
    `         list by chain risk (first row ${first}): endpoint p50 ${percentile(ours, 50).toFixed(2)} ms, p95 ${percentile(ours, 95).toFixed(2)} ms; raw SQL p50 ${percentile(raw, 50).toFixed(2)} ms, p95 ${percentile(raw, 95).toFixed(2)} ms; ratio p50 ${p50.toFixed(2)}×, p95 ${p95.toFixed(2)}×`,
  );
  return {
    name: 'list by chain risk (50) vs raw SQL',
    figure: `p50 ${p50.toFixed(2)}×, p95 ${p95.toFixed(2)}× (recompute ${recompute.toFixed(1)} s)`,
    target: '≤ 2×',
    pass: p50 <= 2 && p95 <= 2,
  };
};

import { syntheticSupplierRows } from '../server/src/seed/synthetic.js';
import { loadReferenceData } from '../shared/src/domain/reference/load-node.js';
import { DEFAULT_POLICY } from '../shared/src/domain/scoring/default-policy.js';
import { score } from '../shared/src/domain/scoring/score.js';
import type { SupplierProfile } from '../shared/src/schemas/suppliers.js';
import { now, seconds } from './setup.js';

/** Scores N synthetic profiles in memory on one core, against a loop that only reads the same inputs. */
export const benchEngine = (n: number) => {
  const ref = loadReferenceData();
  const profiles: SupplierProfile[] = [];
  for (const r of syntheticSupplierRows(n)) {
    profiles.push({
      country: r.country,
      goods: r.goods.split(';'),
      tier: Number(r.tier),
      headcount: Number(r.headcount),
      migrantWorkerShare: Number(r.migrant_worker_share),
      agencyWorkerShare: Number(r.agency_worker_share),
    });
  }
  score(DEFAULT_POLICY, profiles[0]!, [], ref); // builds the reference index once, as a server does at start

  let t = now();
  let checksum = 0;
  for (const p of profiles) {
    checksum +=
      p.country.length +
      p.tier +
      (p.headcount ?? 0) +
      (p.migrantWorkerShare ?? 0) +
      (p.agencyWorkerShare ?? 0);
    for (const g of p.goods) checksum += g.length;
  }
  const baseline = seconds(now() - t);

  t = now();
  let total = 0;
  for (const p of profiles) total += score(DEFAULT_POLICY, p, [], ref).residual.score;
  const engine = seconds(now() - t);

  const rate = n / engine;
  console.log(
    `engine   ${n.toLocaleString('en')} profiles scored in ${engine.toFixed(2)} s = ${Math.round(rate).toLocaleString('en')} suppliers/s on one core`,
  );
  console.log(
    `         baseline loop reading the same inputs: ${baseline.toFixed(3)} s; engine / baseline = ${(engine / baseline).toFixed(0)}× (checksums ${checksum.toFixed(0)}, ${total.toFixed(0)})`,
  );
  return {
    name: 'engine (in memory, one core)',
    figure: `${Math.round(rate).toLocaleString('en')} suppliers/s`,
    target: '≥ 100,000/s',
    pass: rate >= 100_000,
  };
};

import { withTenant } from '../server/src/db/tenant.js';
import { toProfile } from '../server/src/modules/suppliers/suppliers.mapping.js';
import { listCurrentProfiles } from '../server/src/modules/suppliers/suppliers.repo.js';
import { loadReferenceData } from '../shared/src/domain/reference/load-node.js';
import { score } from '../shared/src/domain/scoring/score.js';
import type { PolicyDocument } from '../shared/src/schemas/policy.js';
import { type Bench, medianOf, runsText } from './setup.js';

/** The draft the what-if compares (as in policies.test.ts): lower rating thresholds, more points for unknown goods. */
const stricter = (doc: PolicyDocument): PolicyDocument => ({
  ...doc,
  ratingBands: { medium: 10, high: 20, critical: 30 },
  inherent: { ...doc.inherent, goods: { ...doc.inherent.goods, unknownGoodPoints: 18, noGoodsPoints: 30 } },
});

/**
 * What-if through the API (the request a dashboard sends: load the register, score it under the draft and
 * the published policy, compare) vs the engine scoring the same inputs under the same two documents in
 * memory, with nothing else: the floor for answering it.
 */
export const benchWhatIf = async (b: Bench, n: number) => {
  const list = (await b.app.inject({ method: 'GET', url: '/api/policies', headers: b.headers })).json();
  const published = list.items.find((p: { status: string }) => p.status === 'published');
  const created = await b.app.inject({
    method: 'POST',
    url: '/api/policies',
    headers: b.headers,
    payload: { basedOn: published.id, name: 'Bench what-if' },
  });
  const draft = created.json();
  const patched = await b.app.inject({
    method: 'PATCH',
    url: `/api/policies/${draft.id}`,
    headers: b.headers,
    payload: { document: stricter(draft.document) },
  });
  if (patched.statusCode !== 200) throw new Error(`what-if draft: ${patched.statusCode} ${patched.body}`);
  const draftDoc = patched.json().document as PolicyDocument;
  const publishedDoc = published.document as PolicyDocument;

  let answered = 0;
  const ours = await medianOf(
    3,
    async () => {},
    async () => {
      const res = await b.app.inject({
        method: 'POST',
        url: `/api/policies/${draft.id}/what-if`,
        headers: b.headers,
      });
      if (res.statusCode !== 200)
        throw new Error(`what-if failed: ${res.statusCode} ${res.body.slice(0, 500)}`);
      answered = res.json().suppliers;
    },
  );

  // The same inputs, read the way the what-if reads them (untimed), scored twice per supplier in memory.
  const ref = loadReferenceData();
  const rows = await withTenant(b.database.db, b.orgId, (tx) => listCurrentProfiles(tx, b.orgId));
  const profiles = rows.map(toProfile);
  score(draftDoc, profiles[0]!, [], ref); // builds the reference index once, as a server does at start
  let checksum = 0;
  const engine = await medianOf(
    3,
    async () => {},
    async () => {
      for (const p of profiles) {
        checksum += score(draftDoc, p, [], ref).residual.score;
        checksum += score(publishedDoc, p, [], ref).residual.score;
      }
    },
  );
  const ratio = ours.median / engine.median;
  console.log(
    `what-if  ${answered.toLocaleString('en')} suppliers (of ${n.toLocaleString('en')}): API ${ours.median.toFixed(2)} s (median of ${runsText(ours.runs)}); the engine scoring the same inputs under both policies in memory ${engine.median.toFixed(2)} s (median of ${runsText(engine.runs)}; checksum ${checksum.toFixed(0)}); ratio ${ratio.toFixed(2)}×`,
  );
  return {
    name: 'what-if vs engine ×2 in memory',
    figure: `${ratio.toFixed(2)}× (${ours.median.toFixed(2)} s vs ${engine.median.toFixed(2)} s)`,
    target: '≤ 3×',
    pass: ratio <= 3,
  };
};

import type { ReferenceData } from '#shared/domain/reference/types.js';
import { score } from '#shared/domain/scoring/score.js';
import type { CriterionAnswer } from '#shared/domain/scoring/types.js';
import type { PolicyDocument } from '#shared/schemas/policy.js';
import { RATINGS, type Rating, ratingRank } from '#shared/schemas/suppliers.js';
import type { WhatIf } from '#shared/schemas/what-if.js';
import { toProfile } from '../suppliers/suppliers.mapping.js';
import type { SuppliersRepo } from '../suppliers/suppliers.repo.js';

const zero = (): Record<Rating, number> => ({ low: 0, medium: 0, high: 0, critical: 0 });
const MOVERS = 25;

type Mover = WhatIf['movers'][number];

/**
 * The first `k` items in `order`, kept while they stream past: the same list as sorting them all (ties keep
 * their arrival order) without sorting a whole portfolio's movers to show 25 of them.
 */
const firstK = (k: number, order: (x: Mover, y: Mover) => number) => {
  const best: Mover[] = [];
  return {
    best,
    offer(m: Mover) {
      if (best.length === k && order(m, best[k - 1]!) >= 0) return;
      let lo = 0;
      let hi = best.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (order(m, best[mid]!) < 0) hi = mid;
        else lo = mid + 1;
      }
      best.splice(lo, 0, m);
      if (best.length > k) best.pop();
    },
  };
};

const jump = (m: Mover) => Math.abs(ratingRank(m.after.rating) - ratingRank(m.before.rating));
// Largest score change first (a rating change breaks ties); rating jumps first for the band movers.
const byDelta = (x: Mover, y: Mover) =>
  Math.abs(y.delta) - Math.abs(x.delta) || jump(y) - jump(x) || x.name.localeCompare(y.name);
const byJump = (x: Mover, y: Mover) =>
  jump(y) - jump(x) || y.after.residualScore - x.after.residualScore || x.name.localeCompare(y.name);

export type WhatIfSupplier = Awaited<ReturnType<SuppliersRepo['listCurrentProfiles']>>[number];

/**
 * Scores every current supplier under both policies, in memory. Both sides are computed now from the same
 * inputs, so the comparison shows the policy's effect alone, not staleness of stored assessments.
 */
export const computeWhatIf = (
  rows: WhatIfSupplier[],
  draft: { id: string; document: PolicyDocument },
  published: { id: string; version: number; document: PolicyDocument } | undefined,
  /** Each policy's own reference data: a draft that pins a new dataset edition scores with it. */
  refs: { draft: ReferenceData; published: ReferenceData },
  /** Each supplier's accepted, unexpired questionnaire answers (both sides score with them). */
  answers: ReadonlyMap<string, CriterionAnswer[]> = new Map(),
): WhatIf => {
  const before = zero();
  const after = zero();
  const transitions = Object.fromEntries(RATINGS.map((r) => [r, zero()])) as Record<
    Rating,
    Record<Rating, number>
  >;
  const changed = { up: 0, down: 0, same: 0 };
  const movers = firstK(MOVERS, byDelta);
  const bandMovers = firstK(MOVERS, byJump);
  let moversTotal = 0;
  let bandMoversTotal = 0;
  for (const s of rows) {
    const profile = toProfile(s);
    const given = answers.get(s.id) ?? [];
    const a = score(draft.document, profile, given, refs.draft);
    const b = published ? score(published.document, profile, given, refs.published) : a;
    before[b.rating] += 1;
    after[a.rating] += 1;
    transitions[b.rating][a.rating] += 1;
    const d = ratingRank(a.rating) - ratingRank(b.rating);
    if (d > 0) changed.up += 1;
    else if (d < 0) changed.down += 1;
    else changed.same += 1;
    const delta = Math.round((a.residual.score - b.residual.score) * 100) / 100;
    // Two lists an officer reads differently: suppliers whose residual risk itself changes (the policy
    // scores them differently), and suppliers whose risk is the same but whose rating changes because a
    // threshold moved (the bands alone decide it). A supplier is in at most one of them.
    const mover = {
      supplierId: s.id,
      name: s.name,
      country: s.country,
      before: { rating: b.rating, residualScore: b.residual.score },
      after: { rating: a.rating, residualScore: a.residual.score },
      delta,
    };
    if (delta !== 0) {
      moversTotal += 1;
      movers.offer(mover);
    } else if (d !== 0) {
      bandMoversTotal += 1;
      bandMovers.offer(mover);
    }
  }
  return {
    policyId: draft.id,
    comparedWith: published ? { id: published.id, version: published.version } : null,
    suppliers: rows.length,
    before,
    after,
    changed,
    transitions,
    movers: movers.best,
    moversTotal,
    bandMovers: bandMovers.best,
    bandMoversTotal,
  };
};

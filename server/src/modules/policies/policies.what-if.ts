import type { ReferenceData } from '#shared/domain/reference/types.js';
import { score } from '#shared/domain/scoring/score.js';
import type { PolicyDocument } from '#shared/schemas/policy.js';
import { RATINGS, type Rating, ratingRank } from '#shared/schemas/suppliers.js';
import type { WhatIf } from '#shared/schemas/what-if.js';
import { toProfile } from '../suppliers/suppliers.mapping.js';
import type { SuppliersRepo } from '../suppliers/suppliers.repo.js';

const zero = (): Record<Rating, number> => ({ low: 0, medium: 0, high: 0, critical: 0 });
const MOVERS = 25;

export type WhatIfSupplier = Awaited<ReturnType<SuppliersRepo['listCurrentProfiles']>>[number];

/**
 * Scores every current supplier under both policies, in memory. Both sides are computed now from the same
 * inputs, so the comparison shows the policy's effect alone, not staleness of stored assessments.
 */
export const computeWhatIf = (
  rows: WhatIfSupplier[],
  draft: { id: string; document: PolicyDocument },
  published: { id: string; version: number; document: PolicyDocument } | undefined,
  ref: ReferenceData,
): WhatIf => {
  const before = zero();
  const after = zero();
  const transitions = Object.fromEntries(RATINGS.map((r) => [r, zero()])) as Record<
    Rating,
    Record<Rating, number>
  >;
  const changed = { up: 0, down: 0, same: 0 };
  const movers: WhatIf['movers'] = [];
  const bandMovers: WhatIf['bandMovers'] = [];
  for (const s of rows) {
    const profile = toProfile(s);
    const a = score(draft.document, profile, [], ref);
    const b = published ? score(published.document, profile, [], ref) : a;
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
    if (delta !== 0) movers.push(mover);
    else if (d !== 0) bandMovers.push(mover);
  }
  const jump = (m: WhatIf['movers'][number]) =>
    Math.abs(ratingRank(m.after.rating) - ratingRank(m.before.rating));
  // Largest score change first (a rating change breaks ties); rating jumps first for the band movers.
  movers.sort(
    (x, y) => Math.abs(y.delta) - Math.abs(x.delta) || jump(y) - jump(x) || x.name.localeCompare(y.name),
  );
  bandMovers.sort(
    (x, y) =>
      jump(y) - jump(x) || y.after.residualScore - x.after.residualScore || x.name.localeCompare(y.name),
  );
  return {
    policyId: draft.id,
    comparedWith: published ? { id: published.id, version: published.version } : null,
    suppliers: rows.length,
    before,
    after,
    changed,
    transitions,
    movers: movers.slice(0, MOVERS),
    moversTotal: movers.length,
    bandMovers: bandMovers.slice(0, MOVERS),
    bandMoversTotal: bandMovers.length,
  };
};

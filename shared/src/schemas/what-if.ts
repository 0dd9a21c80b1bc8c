import { z } from 'zod';
import { IdSchema } from './common.js';
import { JobSchema } from './jobs.js';
import { PolicySchema } from './policy.js';
import { RatingSchema } from './suppliers.js';

const BandCountsSchema = z.object({
  low: z.number().int(),
  medium: z.number().int(),
  high: z.number().int(),
  critical: z.number().int(),
});

export const WhatIfMoverSchema = z.object({
  supplierId: IdSchema,
  name: z.string(),
  country: z.string(),
  before: z.object({ rating: RatingSchema, residualScore: z.number() }),
  after: z.object({ rating: RatingSchema, residualScore: z.number() }),
  delta: z.number(),
});

/** The portfolio scored under a draft next to the published policy, computed in memory: nothing is written. */
export const WhatIfSchema = z.object({
  policyId: IdSchema,
  comparedWith: z.object({ id: IdSchema, version: z.number().int() }).nullable(),
  suppliers: z.number().int(),
  before: BandCountsSchema,
  after: BandCountsSchema,
  /** How many suppliers change rating, and in which direction. */
  changed: z.object({ up: z.number().int(), down: z.number().int(), same: z.number().int() }),
  /** [from][to] counts, for a transition matrix. */
  transitions: z.record(RatingSchema, BandCountsSchema),
  /** The suppliers whose residual score changes, largest change first; at most 25 (of `moversTotal`). */
  movers: z.array(WhatIfMoverSchema),
  /** How many suppliers' residual score changes (`movers` lists the first 25). */
  moversTotal: z.number().int(),
  /**
   * The suppliers whose residual score stays the same but whose rating changes because the rating bands
   * moved (delta 0), largest rating jump first; at most 25 (of `bandMoversTotal`). None are in `movers`.
   */
  bandMovers: z.array(WhatIfMoverSchema),
  bandMoversTotal: z.number().int(),
});
export type WhatIf = z.infer<typeof WhatIfSchema>;

export const PublishResultSchema = z.object({ policy: PolicySchema, job: JobSchema });
export type PublishResult = z.infer<typeof PublishResultSchema>;

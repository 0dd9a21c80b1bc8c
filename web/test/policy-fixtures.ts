import { DEFAULT_POLICY } from '#shared/domain/scoring/default-policy.js';
import type { RescoreJob } from '#shared/schemas/jobs.js';
import type { Policy, PolicyDocument } from '#shared/schemas/policy.js';
import type { WhatIf } from '#shared/schemas/what-if.js';

export const PUBLISHED_ID = '77777777-7777-4777-8777-000000000001';
export const DRAFT_ID = '77777777-7777-4777-8777-000000000002';
export const RETIRED_ID = '77777777-7777-4777-8777-000000000003';
export const JOB_ID = '88888888-8888-4888-8888-000000000001';

/** A fresh copy of the default policy's document, safe to change in a test. */
export const policyDocument = (change?: (doc: PolicyDocument) => void): PolicyDocument => {
  const doc = structuredClone(DEFAULT_POLICY);
  change?.(doc);
  return doc;
};

export const makePolicy = (overrides: Partial<Policy> = {}): Policy => ({
  id: PUBLISHED_ID,
  name: DEFAULT_POLICY.name,
  version: 2,
  status: 'published',
  basedOnId: RETIRED_ID,
  document: policyDocument(),
  createdAt: '2025-03-01T09:00:00.000Z',
  publishedAt: '2025-03-02T09:00:00.000Z',
  createdBy: null,
  revision: 1,
  ...overrides,
});

export const makeDraft = (overrides: Partial<Policy> = {}): Policy =>
  makePolicy({
    id: DRAFT_ID,
    name: '2026 policy',
    version: null,
    status: 'draft',
    basedOnId: PUBLISHED_ID,
    document: policyDocument((doc) => {
      doc.name = '2026 policy';
    }),
    publishedAt: null,
    createdAt: '2025-06-01T09:00:00.000Z',
    ...overrides,
  });

export const makeJob = (overrides: Partial<RescoreJob> = {}): RescoreJob => ({
  id: JOB_ID,
  kind: 'rescore',
  status: 'queued',
  progress: { done: 0, total: 0, percent: 0 },
  params: { policyId: DRAFT_ID, version: 3 },
  result: null,
  error: null,
  createdAt: '2025-06-02T09:00:00.000Z',
  startedAt: null,
  finishedAt: null,
  ...overrides,
});

const counts = (low: number, medium: number, high: number, critical: number) => ({
  low,
  medium,
  high,
  critical,
});

export const makeWhatIf = (overrides: Partial<WhatIf> = {}): WhatIf => ({
  policyId: DRAFT_ID,
  comparedWith: { id: PUBLISHED_ID, version: 2 },
  suppliers: 60,
  before: counts(20, 25, 12, 3),
  after: counts(14, 27, 15, 4),
  changed: { up: 9, down: 1, same: 50 },
  transitions: {
    low: counts(14, 6, 0, 0),
    medium: counts(0, 21, 4, 0),
    high: counts(0, 0, 11, 1),
    critical: counts(0, 0, 0, 3),
  },
  movers: [
    {
      supplierId: '55555555-5555-4555-8555-000000000101',
      name: 'Dhaka Knitwear Ltd',
      country: 'BD',
      before: { rating: 'medium', residualScore: 48.5 },
      after: { rating: 'high', residualScore: 55.25 },
      delta: 6.75,
    },
    {
      supplierId: '55555555-5555-4555-8555-000000000102',
      name: 'Porto Threads Lda',
      country: 'PT',
      before: { rating: 'low', residualScore: 22 },
      after: { rating: 'low', residualScore: 20 },
      delta: -2,
    },
  ],
  moversTotal: 2,
  bandMovers: [],
  bandMoversTotal: 0,
  ...overrides,
});

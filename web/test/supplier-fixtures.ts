import { sliceReference } from '#shared/domain/reference/lookup.js';
import { parseReferenceData } from '#shared/domain/reference/parse.js';
import { DEFAULT_POLICY } from '#shared/domain/scoring/default-policy.js';
import { type CriterionAnswer, score } from '#shared/domain/scoring/score.js';
import type { Assessment } from '#shared/schemas/assessments.js';
import type { Supplier, SupplierProfile } from '#shared/schemas/suppliers.js';

import gsiCsv from '../../shared/reference-data/global-slavery-index.csv?raw';
import ilabCsv from '../../shared/reference-data/ilab-goods.csv?raw';
import iloJson from '../../shared/reference-data/ilo-forced-labour-indicators.json?raw';
import manifestJson from '../../shared/reference-data/manifest.json?raw';
import tipCsv from '../../shared/reference-data/us-tip-tiers.csv?raw';

// The shipped data, read through Vite (jsdom has no file: URLs for load-node.ts to resolve).
export const referenceData = parseReferenceData({
  manifest: JSON.parse(manifestJson),
  tipCsv,
  gsiCsv,
  ilabCsv,
  iloJson: JSON.parse(iloJson),
});

let counter = 0;
const nextId = (prefix: string) => {
  counter += 1;
  return `${prefix}-5555-4555-8555-${String(counter).padStart(12, '0')}`;
};

export const makeSupplier = (overrides: Partial<Supplier> = {}): Supplier => ({
  id: nextId('55555555'),
  name: 'Dhaka Knitwear Ltd',
  legalName: null,
  country: 'BD',
  goods: ['garments'],
  sector: null,
  tier: 1,
  parentId: null,
  annualSpend: 2_400_000,
  currency: 'USD',
  headcount: 1850,
  migrantWorkerShare: 5,
  agencyWorkerShare: null,
  status: 'active',
  externalRef: 'V-10001',
  tags: [],
  contacts: [],
  createdAt: '2025-01-15T09:30:00.000Z',
  updatedAt: '2025-01-15T09:30:00.000Z',
  archivedAt: null,
  risk: null,
  chainRisk: null,
  revision: 1,
  ...overrides,
});

/** A stored assessment whose result is the real engine's output for `profile` (so it matches the schema). */
export const makeAssessment = (
  supplierId: string,
  profile: SupplierProfile,
  answers: CriterionAnswer[] = [],
  overrides: Partial<Assessment> = {},
): Assessment => {
  const result = score(DEFAULT_POLICY, profile, answers, referenceData);
  return {
    id: nextId('66666666'),
    supplierId,
    policyId: '77777777-7777-4777-8777-777777777777',
    policyVersion: 1,
    engineVersion: result.engineVersion,
    rating: result.rating,
    inherentScore: result.inherent.score,
    controlScore: result.control.score,
    residualScore: result.residual.score,
    trigger: 'manual',
    triggerDetail: null,
    createdAt: '2025-06-01T10:00:00.000Z',
    createdBy: null,
    resultSha256: 'f'.repeat(64),
    result,
    inputs: { profile, answers, reference: sliceReference(referenceData, profile) },
    answersFrom: null,
    ...overrides,
  };
};

export const profileOf = (supplier: Supplier): SupplierProfile => ({
  country: supplier.country,
  goods: supplier.goods,
  tier: supplier.tier,
  headcount: supplier.headcount,
  migrantWorkerShare: supplier.migrantWorkerShare,
  agencyWorkerShare: supplier.agencyWorkerShare,
});

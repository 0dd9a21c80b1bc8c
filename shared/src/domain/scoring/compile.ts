import {
  type PolicyCriterion,
  type PolicyDocument,
  PolicyDocumentSchema,
  type RedFlagRule,
} from '../../schemas/policy.js';
import { r2 } from './round.js';

type Bands = PolicyDocument['inherent']['gsi']['bands'];

/** A validated policy with what every score needs precomputed. Built once per policy object. */
export interface CompiledPolicy {
  doc: PolicyDocument;
  criteria: PolicyCriterion[];
  criterionIndex: Map<string, number>;
  totalWeight: number;
  redFlags: Map<string, RedFlagRule>;
  /**
   * Maximum points of each inherent factor, in INHERENT_FACTOR_KEYS order; 0 for the GSI vulnerability and
   * government-response factors when the policy does not score them (policies written before engine 1.1.0).
   */
  maxima: [
    tip: number,
    gsi: number,
    goods: number,
    migrant: number,
    agency: number,
    tier: number,
    gsiVulnerability: number,
    gsiGovernmentResponse: number,
  ];
  totalMax: number;
  /** Data-gap message per criterion (same order as `criteria`). */
  gapMessages: string[];
  usesIloIndicators: boolean;
}

const compiled = new WeakMap<PolicyDocument, CompiledPolicy>();

const bandMax = (bands: Bands) => Math.max(...bands.map((b) => b.points));

/** The points of the last band whose start `value` reaches (bands are validated to start at the minimum). */
export const bandPoints = (bands: Bands, value: number): number => {
  let points = bands[0]!.points;
  for (let i = 1; i < bands.length; i++) {
    const band = bands[i]!;
    if (value < band.from) break;
    points = band.points;
  }
  return points;
};

/**
 * Validate and precompute `policy`. Throws an Error listing the issues if it is not a valid PolicyDocument:
 * the engine never scores against a policy it cannot explain. Treat a policy object as immutable once scored.
 */
export const compilePolicy = (policy: PolicyDocument): CompiledPolicy => {
  const hit = compiled.get(policy);
  if (hit) return hit;
  const parsed = PolicyDocumentSchema.safeParse(policy);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid scoring policy: ${issues}`);
  }
  const doc = parsed.data;
  const {
    tip,
    gsi,
    goods,
    migrantShare,
    agencyShare,
    supplierTier,
    gsiVulnerability,
    gsiGovernmentResponse,
  } = doc.inherent;
  const bandedMax = (f: typeof gsiVulnerability) =>
    f === undefined ? 0 : r2(Math.max(f.unknownPoints, bandMax(f.bands)));
  const maxima: CompiledPolicy['maxima'] = [
    r2(Math.max(tip.unknownPoints, ...Object.values(tip.points))),
    r2(Math.max(gsi.unknownPoints, bandMax(gsi.bands))),
    r2(Math.max(...Object.values(goods).filter((v): v is number => typeof v === 'number'))),
    r2(Math.max(migrantShare.unknownPoints, bandMax(migrantShare.bands))),
    r2(Math.max(agencyShare.unknownPoints, bandMax(agencyShare.bands))),
    r2(bandMax(supplierTier.bands)),
    bandedMax(gsiVulnerability),
    bandedMax(gsiGovernmentResponse),
  ];
  const result: CompiledPolicy = {
    doc,
    criteria: doc.criteria,
    criterionIndex: new Map(doc.criteria.map((c, i) => [c.key, i])),
    totalWeight: r2(doc.criteria.reduce((sum, c) => sum + c.weight, 0)),
    redFlags: new Map(doc.redFlags.map((f) => [f.key, f])),
    maxima,
    totalMax: r2(maxima.reduce((a, b) => a + b, 0)),
    gapMessages: doc.criteria.map((c) => `No accepted answer evidences "${c.name}"; counted as uncontrolled`),
    usesIloIndicators: doc.criteria.some((c) => c.group === 'ilo_indicator'),
  };
  compiled.set(policy, result);
  return result;
};

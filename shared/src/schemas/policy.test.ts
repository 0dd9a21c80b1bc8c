import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../domain/scoring/default-policy.js';
import {
  PolicyCreateSchema,
  type PolicyDocument,
  PolicyDocumentSchema,
  PolicySchema,
  PolicyUpdateSchema,
} from './policy.js';

const edit = (mutate: (doc: PolicyDocument) => void): unknown => {
  const doc = structuredClone(DEFAULT_POLICY);
  mutate(doc);
  return doc;
};

const issuesOf = (value: unknown) => {
  const result = PolicyDocumentSchema.safeParse(value);
  return result.success
    ? []
    : result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
};

describe('PolicyDocumentSchema', () => {
  it('accepts a policy written before engine 1.1.0 (none of its parameters) and reads it unchanged', () => {
    const old = edit((d) => {
      delete d.inherent.goods.listedElsewherePoints;
      delete d.inherent.goods.downstreamRule;
      delete d.inherent.gsiVulnerability;
      delete d.inherent.gsiGovernmentResponse;
      delete d.unknownData;
    });
    expect(PolicyDocumentSchema.parse(old)).toEqual(old);
  });

  it('accepts the default policy unchanged', () => {
    const parsed = PolicyDocumentSchema.parse(DEFAULT_POLICY);
    expect(parsed).toEqual(DEFAULT_POLICY);
  });

  it('gives a suggested action (remediation) for every default criterion and red flag, within bounds', () => {
    for (const rule of [...DEFAULT_POLICY.criteria, ...DEFAULT_POLICY.redFlags]) {
      expect(rule.remediation, rule.key).toMatch(/\S/);
    }
    // The two lists share a key (debt_bondage): a red flag asks for more than a weak control does.
    const flag = DEFAULT_POLICY.redFlags.find((f) => f.key === 'debt_bondage');
    const criterion = DEFAULT_POLICY.criteria.find((c) => c.key === 'debt_bondage');
    expect(flag?.remediation).not.toBe(criterion?.remediation);
    const long = edit((d) => {
      d.criteria[0]!.remediation = 'x'.repeat(2001);
      d.redFlags[0]!.remediation = 'a\u0000b';
    });
    expect(issuesOf(long).map((i) => i.path)).toEqual(['criteria.0.remediation', 'redFlags.0.remediation']);
    // A document from before the field (none) is still valid.
    const without = edit((d) => {
      for (const c of d.criteria) delete c.remediation;
    });
    expect(issuesOf(without)).toEqual([]);
  });

  it.each<[string, (d: PolicyDocument) => void, string, RegExp]>([
    [
      'rating bands not increasing',
      (d) => {
        d.ratingBands.high = 25;
      },
      'ratingBands.high',
      /above the medium threshold \(25\)/,
    ],
    [
      'critical below high',
      (d) => {
        d.ratingBands.critical = 40;
      },
      'ratingBands.critical',
      /above the high threshold \(50\)/,
    ],
    [
      'a medium threshold of 0',
      (d) => {
        d.ratingBands.medium = 0;
      },
      'ratingBands.medium',
      /no supplier could be rated low/,
    ],
    [
      'GSI bands out of order',
      (d) => {
        d.inherent.gsi.bands[2]!.from = 3;
      },
      'inherent.gsi.bands.2.from',
      /Band starts must increase/,
    ],
    [
      'GSI bands not starting at 0',
      (d) => {
        d.inherent.gsi.bands[0]!.from = 1;
      },
      'inherent.gsi.bands.0.from',
      /first band must start at 0/,
    ],
    [
      'a riskier band earning less',
      (d) => {
        d.inherent.migrantShare.bands[3]!.points = 1;
      },
      'inherent.migrantShare.bands.3.points',
      /cannot earn fewer points/,
    ],
    [
      'tier 3 earning less than tier 2',
      (d) => {
        d.inherent.tip.points['3'] = 5;
      },
      'inherent.tip.points.3',
      /Tier 3 cannot earn fewer points than tier 2WL/,
    ],
    [
      'unknown TIP tier counted as lowest risk',
      (d) => {
        d.inherent.tip.unknownPoints = 0;
      },
      'inherent.tip.unknownPoints',
      /Unknown data must count for more/,
    ],
    [
      'unknown good counted as not listed (a policy without listedElsewherePoints)',
      (d) => {
        delete d.inherent.goods.listedElsewherePoints;
        d.inherent.goods.unknownGoodPoints = 0;
      },
      'inherent.goods.unknownGoodPoints',
      /Unknown data/,
    ],
    [
      'a good listed for other countries below a good listed nowhere',
      (d) => {
        d.inherent.goods.listedElsewherePoints = 10;
      },
      'inherent.goods.listedElsewherePoints',
      /cannot earn fewer points than a good on the list for no country \(15\)/,
    ],
    [
      'no goods recorded below an unknown good',
      (d) => {
        d.inherent.goods.noGoodsPoints = 10;
      },
      'inherent.goods.noGoodsPoints',
      /cannot earn fewer points than a good on the list for no country/,
    ],
    [
      'an unknown downstream rule',
      (d) => {
        (d.inherent.goods as { downstreamRule: string }).downstreamRule = 'half';
      },
      'inherent.goods.downstreamRule',
      /Invalid option/,
    ],
    [
      'unknown vulnerability counted as lowest',
      (d) => {
        d.inherent.gsiVulnerability!.unknownPoints = 0;
      },
      'inherent.gsiVulnerability.unknownPoints',
      /Unknown data must count for more/,
    ],
    [
      'government-response bands beyond 200 below a full response',
      (d) => {
        d.inherent.gsiGovernmentResponse!.bands[4]!.from = 250;
      },
      'inherent.gsiGovernmentResponse.bands.4.from',
      /at most 200/,
    ],
    [
      'an unknown-data floor of low',
      (d) => {
        (d.unknownData as { minRating: string }).minRating = 'low';
      },
      'unknownData.minRating',
      /Invalid option/,
    ],
    [
      'an unknown-data coverage of 0',
      (d) => {
        d.unknownData!.minCountryCoverage = 0;
      },
      'unknownData.minCountryCoverage',
      /the floor could never apply/,
    ],
    [
      'missing prevalence counted as lowest',
      (d) => {
        d.inherent.gsi.unknownPoints = 0;
      },
      'inherent.gsi.unknownPoints',
      /Unknown data/,
    ],
    [
      'a listed good below a good not listed',
      (d) => {
        d.inherent.goods.listedElsewherePoints = 25;
      },
      'inherent.goods.childLabourPoints',
      /cannot earn fewer points than a good listed for other countries/,
    ],
    [
      'duplicate criterion keys',
      (d) => {
        d.criteria[3]!.key = d.criteria[0]!.key;
      },
      'criteria.3.key',
      /Duplicate criterion key "abuse_of_vulnerability"/,
    ],
    [
      'duplicate red flag keys',
      (d) => {
        d.redFlags[1]!.key = d.redFlags[0]!.key;
      },
      'redFlags.1.key',
      /Duplicate red flag key/,
    ],
    [
      'a key with capitals',
      (d) => {
        d.criteria[0]!.key = 'Abuse';
      },
      'criteria.0.key',
      /lower-case/,
    ],
    [
      'all weights 0',
      (d) => {
        for (const c of d.criteria) c.weight = 0;
      },
      'criteria',
      /weight above 0/,
    ],
    [
      'a negative weight',
      (d) => {
        d.criteria[0]!.weight = -1;
      },
      'criteria.0.weight',
      /cannot be negative/,
    ],
    [
      'points above 100',
      (d) => {
        d.inherent.goods.forcedLabourPoints = 150;
      },
      'inherent.goods.forcedLabourPoints',
      /At most 100/,
    ],
    [
      'three decimals',
      (d) => {
        d.inherent.tip.points['2'] = 8.125;
      },
      'inherent.tip.points.2',
      /at most 2 decimals/,
    ],
    [
      'self-declared above evidence-backed',
      (d) => {
        d.evidenceWeighting.selfDeclared = 1;
        d.evidenceWeighting.evidenceBacked = 0.5;
      },
      'evidenceWeighting.selfDeclared',
      /Cannot count for more/,
    ],
    [
      'a reduction above 1',
      (d) => {
        d.residual.maxReduction = 1.5;
      },
      'residual.maxReduction',
      /between 0 and 1/,
    ],
    [
      'confidence weights not adding to 1',
      (d) => {
        d.confidence.answersWeight = 0.5;
      },
      'confidence.answersWeight',
      /add up to 1/,
    ],
    [
      'a reassessment of 0 months',
      (d) => {
        d.reassessmentMonths = 0;
      },
      'reassessmentMonths',
      /At least 1 month/,
    ],
    [
      'a long citation',
      (d) => {
        d.criteria[0]!.citation = 'x'.repeat(501);
      },
      'criteria.0.citation',
      /at most 500/,
    ],
    [
      'an empty name',
      (d) => {
        d.name = '  ';
      },
      'name',
      /Name is required/,
    ],
    [
      'an unknown rating floor',
      (d) => {
        (d.redFlags[0] as { minRating: string }).minRating = 'severe';
      },
      'redFlags.0.minRating',
      /./,
    ],
  ])('refuses %s', (_, mutate, path, message) => {
    const issues = issuesOf(edit(mutate));
    const issue = issues.find((i) => i.path === path);
    expect(issue, JSON.stringify(issues)).toBeDefined();
    expect(issue!.message).toMatch(message);
  });

  it('refuses a document of another schema version', () => {
    expect(issuesOf({ ...DEFAULT_POLICY, schemaVersion: 2 })[0]?.path).toBe('schemaVersion');
  });
});

describe('policy API schemas', () => {
  const id = '4f1c7a0e-9d2b-4c3a-8e5f-6a7b8c9d0e1f';

  it('accepts a policy as the API returns it', () => {
    const policy = {
      id,
      name: 'Default',
      version: null,
      revision: 1,
      status: 'draft',
      basedOnId: null,
      document: DEFAULT_POLICY,
      createdAt: '2026-01-01T00:00:00.000Z',
      publishedAt: null,
      createdBy: id,
    };
    expect(PolicySchema.parse(policy)).toEqual(policy);
    expect(PolicySchema.safeParse({ ...policy, status: 'archived' }).success).toBe(false);
  });

  it('creates from an existing policy and updates name or document', () => {
    expect(PolicyCreateSchema.parse({ basedOn: id, name: ' Stricter ' })).toEqual({
      basedOn: id,
      name: 'Stricter',
    });
    expect(PolicyCreateSchema.safeParse({ basedOn: 'default', name: 'x' }).success).toBe(false);
    expect(PolicyUpdateSchema.parse({})).toEqual({});
    expect(
      PolicyUpdateSchema.safeParse({
        document: { ...DEFAULT_POLICY, ratingBands: { medium: 50, high: 40, critical: 75 } },
      }).success,
    ).toBe(false);
  });
});

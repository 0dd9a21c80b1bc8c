import { describe, expect, it } from 'vitest';
import type { SupplierProfile } from '../../schemas/suppliers.js';
import { loadReferenceData } from '../reference/load-node.js';
import { sliceReference } from '../reference/lookup.js';
import { DEFAULT_POLICY } from './default-policy.js';
import { datasetTitle, datasetTitles, describeTrigger, explainConfidence, explainRating } from './explain.js';
import { type CriterionAnswer, score } from './score.js';
import type { AssessmentResult, InherentFactor } from './types.js';

const ref = loadReferenceData();

const profile = (over: Partial<SupplierProfile> = {}): SupplierProfile => ({
  country: 'BD',
  goods: ['garments'],
  tier: 1,
  headcount: 500,
  migrantWorkerShare: 0,
  agencyWorkerShare: 0,
  ...over,
});

/** The engine's real result and the context an assessment stores with it (profile, reference slice). */
const assess = (over: Partial<SupplierProfile> = {}, answers: CriterionAnswer[] = []) => {
  const p = profile(over);
  const result = score(DEFAULT_POLICY, p, answers, ref);
  return { result, ctx: { profile: p, reference: sliceReference(ref, p) } };
};

const sentence = (over: Partial<SupplierProfile> = {}, answers: CriterionAnswer[] = []) => {
  const { result, ctx } = assess(over, answers);
  return { text: explainRating(result, ctx), result };
};

/** A plain sentence: one capitalised sentence ending in a full stop, no formula, no dataset code. */
const expectPlain = (text: string) => {
  expect(text).toMatch(/^(Low|Medium|High|Critical) /);
  expect(text.endsWith('.')).toBe(true);
  expect(text).not.toMatch(/[×=]|\bus-tip-|\bgsi-20|\bilab-20|undefined|null|NaN/);
  expect(text.slice(0, -1)).not.toMatch(/\.\s/);
};

describe('explainRating on real engine results', () => {
  it('names the goods listing and the TIP tier for Turkmen cotton, in words', () => {
    const { text, result } = sentence({ country: 'TM', goods: ['cotton'] });
    expectPlain(text);
    expect(text.startsWith(result.rating === 'critical' ? 'Critical' : 'High')).toBe(true);
    expect(text).toContain('cotton from Turkmenistan is on the US list of goods made with');
    expect(text).toMatch(/forced labour/);
    expect(text).toMatch(/Turkmenistan is on the Tier 2 Watch List of the US Trafficking in Persons Report/);
  });

  it('says "mainly because" when other factors add to the score too', () => {
    const { text } = sentence({ country: 'TM', goods: ['cotton'], migrantWorkerShare: 30, tier: 3 });
    expect(text).toMatch(/ mainly because /);
  });

  it('a low rating says what is reassuring, not what is risky', () => {
    const { text, result } = sentence({ country: 'CA', goods: ['software'] });
    expect(result.rating).toBe('low');
    expectPlain(text);
    expect(text).toMatch(/^Low because Canada is on Tier 1 of the US Trafficking in Persons Report/);
  });

  it('unknown data is said to be unknown, never reassuring', () => {
    const { text } = sentence({ country: 'GL', goods: ['garments'], migrantWorkerShare: null });
    expectPlain(text);
    expect(text).not.toMatch(/Greenland is on Tier 1/);
    expect(text).toMatch(/no tier|no estimate|unknown|too little is known/);
  });

  it('an unrecognised good and a supplier with no goods are named as unknown', () => {
    const unknownGood = sentence({
      country: 'TM',
      goods: ['zzz-not-a-good'],
      tier: 5,
      migrantWorkerShare: 60,
    });
    expectPlain(unknownGood.text);
    const none = explainRating(
      {
        ...assess({ goods: [] }).result,
      },
      assess({ goods: [] }).ctx,
    );
    expectPlain(none);
  });

  it('says controls lowered the score when accepted answers count', () => {
    const answers: CriterionAnswer[] = DEFAULT_POLICY.criteria.map((c, i) => ({
      questionId: `q${i}`,
      criterionKey: c.key,
      answerLabel: 'Yes',
      pointsEarned: 10,
      maxPoints: 10,
      evidenceBacked: true,
    }));
    const { text, result } = sentence({ country: 'TM', goods: ['cotton'] }, answers);
    expect(result.control.score).toBeGreaterThan(0);
    expectPlain(text);
    expect(text).toContain(
      `lowering the risk from ${result.inherent.score} to ${result.residual.score} out of 100`,
    );
  });

  it('explains a downstream good by its input', () => {
    const { result, ctx } = assess({ country: 'CN', goods: ['solar panels'] });
    const goods = result.inherent.factors.find((f) => f.key === 'ilab_goods')!;
    if (goods.goods?.[0]?.status !== 'listed') return; // matching is the goods helper's; nothing to say here
    const text = explainRating(result, ctx);
    expectPlain(text);
    expect(text).toMatch(/solar panels from China/);
  });
});

describe('explainRating on results the engine may give', () => {
  const base = assess({ country: 'BD', goods: ['garments'] });

  it('a red flag that raised the rating leads the sentence', () => {
    const result: AssessmentResult = {
      ...base.result,
      ratingFromScore: 'medium',
      rating: 'critical',
      redFlags: [
        {
          key: 'identity_documents_retained',
          name: 'Identity documents retained',
          minRating: 'critical',
          citation: 'ILO indicator 6',
          triggeredBy: 'q7',
        },
      ],
    };
    const text = explainRating(result, base.ctx);
    expectPlain(text);
    expect(text).toBe(
      'Critical because an answer raised a red flag (identity documents retained), which sets the rating to at least critical; the score alone gives medium.',
    );
  });

  it('a rating raised by the unknown-data floor says so', () => {
    const gl = assess({ country: 'GL', goods: ['garments'] });
    const result = {
      ...gl.result,
      ratingFromScore: 'low' as const,
      rating: 'medium' as const,
      ratingFloor: {
        kind: 'unknown_data' as const,
        minRating: 'medium' as const,
        countryCoverage: 0,
        minCountryCoverage: 0.5,
        reason: 'Insufficient data',
      },
    };
    const text = explainRating(result, gl.ctx);
    expectPlain(text);
    expect(text).toMatch(/^Medium because too little is known to rate it lower: /);
    expect(text).toContain('the US Trafficking in Persons Report gives Greenland no tier');
    expect(text).toContain('unknown data is never rated below medium (the score alone gives low)');
  });

  it('a factor of a kind it does not know is named by its name and detail, never its key', () => {
    const extra = {
      key: 'chain_risk',
      name: 'Risk below in the chain',
      value: 80,
      points: 60,
      maxPoints: 60,
      known: 1,
      dataset: null,
      citation: 'Policy',
      detail: 'A tier-3 supplier below is rated critical',
      goods: null,
    } as unknown as InherentFactor;
    const result: AssessmentResult = {
      ...base.result,
      inherent: { ...base.result.inherent, factors: [...base.result.inherent.factors, extra] },
    };
    const text = explainRating(result, base.ctx);
    expectPlain(text);
    expect(text).toContain('risk below in the chain (a tier-3 supplier below is rated critical)');
    expect(text).not.toContain('chain_risk');
  });

  it('names the engine helper’s new GSI factors in words', () => {
    const f = (key: string, value: number): InherentFactor =>
      ({
        key,
        name: key,
        value,
        points: 20,
        maxPoints: 20,
        known: 1,
        dataset: 'gsi-2023',
        citation: '',
        detail: '',
        goods: null,
      }) as unknown as InherentFactor;
    const result: AssessmentResult = {
      ...base.result,
      inherent: {
        ...base.result.inherent,
        factors: [f('gsi_vulnerability', 71), f('gsi_government_response', 12)],
        points: 40,
      },
    };
    const text = explainRating(result, base.ctx);
    expect(text).toContain('Bangladesh scores 71 out of 100 for vulnerability to modern slavery');
    expect(text).toContain("Bangladesh's government response to modern slavery at only 12%");
  });

  it('works without any context (a result alone)', () => {
    const text = explainRating(base.result);
    expectPlain(text);
    expect(text).toContain('the country');
  });
});

describe('datasetTitle', () => {
  it('names each shipped dataset by title and edition', () => {
    expect(datasetTitle({ id: 'us-tip-2025', kind: 'us_tip', edition: '2025' })).toBe(
      'US State Department Trafficking in Persons Report 2025',
    );
    expect(datasetTitle({ id: 'ilab-2024-acme', edition: '2024' })).toBe(
      'US Department of Labor List of Goods Produced by Child Labor or Forced Labor 2024',
    );
    expect(datasetTitle({ id: 'x-1', edition: '3', title: 'Some Index' })).toBe('Some Index 3');
    expect(datasetTitle({ id: 'x-1', edition: '3' })).toBe('x-1 (edition 3)');
  });

  it('titles every dataset a result used, by the kinds its stored slice gives', () => {
    const { result, ctx } = assess();
    const titles = datasetTitles(result, ctx).map((d) => d.title);
    expect(titles).toEqual(expect.arrayContaining(['Walk Free Global Slavery Index 2023']));
    expect(titles.join(' ')).not.toMatch(/us-tip|gsi-|ilab-/);
  });
});

describe('explainConfidence', () => {
  it('says what it measures, why it has its value, and that answers would raise it', () => {
    const { result } = assess({ migrantWorkerShare: null });
    const c = explainConfidence(result);
    expect(c.measures).toMatch(/how much of what this rating needs was actually known/);
    expect(c.why).toBe(
      `It is ${Math.round(result.confidence.value * 10000) / 100}% because the published data covers ${Math.round(result.confidence.referenceData * 10000) / 100}% of the country, goods and workforce factors, and no questionnaire answers have been accepted yet.`,
    );
    expect(c.raise).toMatch(
      /^Recording accepted answers to a questionnaire .* and its migrant worker share would raise it\.$/,
    );
  });

  it('says when nothing more can raise it', () => {
    const { result } = assess();
    const full = {
      ...result,
      confidence: { ...result.confidence, value: 1, referenceData: 1, answers: 1 },
      dataGaps: [],
    };
    expect(explainConfidence(full).raise).toBe(
      'Nothing more can raise it: everything this rating needs is known.',
    );
  });
});

describe('describeTrigger', () => {
  it('says what set the assessment off', () => {
    expect(describeTrigger('profile_changed', 'profile changed: migrant worker share')).toBe(
      'Reassessed because the profile changed: migrant worker share',
    );
    expect(describeTrigger('created', 'supplier added')).toBe('Assessed when the supplier was added');
    expect(describeTrigger('import', 'suppliers.csv')).toBe('Assessed after a CSV import (suppliers.csv)');
    expect(describeTrigger('policy_published', null)).toBe(
      'Reassessed when a new scoring policy was published',
    );
    expect(describeTrigger('something_new', null)).toBe('Assessed');
  });
});

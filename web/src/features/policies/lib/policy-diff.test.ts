import { describe, expect, it } from 'vitest';
import { policyDocument } from '../../../../test/policy-fixtures.js';
import { diffPolicies } from './policy-diff.js';
import { parseIssuePath } from './policy-paths.js';

describe('diffPolicies', () => {
  it('finds nothing between equal documents', () => {
    expect(diffPolicies(policyDocument(), policyDocument())).toEqual([]);
  });

  it('names changed numbers in words, with before and after', () => {
    const after = policyDocument((doc) => {
      doc.ratingBands.high = 55;
      doc.criteria.find((c) => c.key === 'recruitment_fees_employer_pays')!.weight = 15;
      doc.inherent.tip.points['2WL'] = 16;
      doc.inherent.gsi.bands[1]!.from = 4;
      doc.redFlags.find((f) => f.key === 'wages_withheld')!.minRating = 'critical';
      doc.residual.maxReduction = 0.6;
    });
    const changes = diffPolicies(policyDocument(), after).map((c) => `${c.label}: ${c.before} → ${c.after}`);
    expect(changes).toEqual([
      'TIP Tier 2 Watch List: points: 14 → 16',
      'GSI band 2 starts at (people per 1,000): 3 → 4',
      "Criterion 'No recruitment fees (employer pays)' weight: 8 → 15",
      "Red flag 'Wages withheld' minimum rating: High → Critical",
      'Maximum reduction by controls: 0.7 → 0.6',
      "Rating band 'high' starts at: 50 → 55",
    ]);
  });

  it('matches criteria by key, so reordering is no change and removals are named', () => {
    const after = policyDocument((doc) => {
      doc.criteria.reverse();
      doc.criteria = doc.criteria.filter((c) => c.key !== 'training');
      doc.inherent.supplierTier.bands.push({ from: 4, points: 5 });
    });
    const changes = diffPolicies(policyDocument(), after);
    expect(changes.map((c) => [c.kind, c.label, c.before, c.after])).toEqual([
      ['added', 'Supplier tier band 4', null, 'from 4: 5 points'],
      ['removed', "Criterion 'Training'", 'weight 4', null],
    ]);
  });
});

describe('parseIssuePath', () => {
  it('reads server issue paths as form paths', () => {
    expect(parseIssuePath('document.ratingBands.high')).toEqual(['ratingBands', 'high']);
    expect(parseIssuePath('body.document.criteria.3.weight')).toEqual(['criteria', 3, 'weight']);
    expect(parseIssuePath('/document/inherent/gsi/bands/0/from')).toEqual([
      'inherent',
      'gsi',
      'bands',
      0,
      'from',
    ]);
  });
});

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

describe('diffPolicies: questionnaire settings', () => {
  it('shows a changed schedule in words, the reminder days as one list', () => {
    const after = policyDocument((doc) => {
      doc.questionnaireSchedule = {
        reminderDaysBefore: [14, 7],
        overdueEveryDays: 3,
        overdueMaxReminders: 4,
        recurrenceLeadDays: 30,
      };
      doc.answerValidityMonths = 24;
    });
    const changes = diffPolicies(policyDocument(), after).map((c) => `${c.label}: ${c.before} → ${c.after}`);
    expect(changes).toEqual([
      'Accepted answers count for (months): 12 → 24',
      'Reminders before the due date (days): 7, 3, 1 days before → 14, 7 days before',
      'When overdue, remind every (days): 7 → 3',
    ]);
  });

  it('names the defaults when a policy starts or stops leaving the settings out', () => {
    const bare = policyDocument((doc) => {
      delete doc.questionnaireSchedule;
      delete doc.answerValidityMonths;
    });
    const changes = diffPolicies(bare, policyDocument());
    expect(changes.map((c) => [c.kind, c.label, c.before, c.after])).toEqual([
      ['changed', 'Accepted answers count for (months)', 'Default (12 months)', '12 months'],
      [
        'changed',
        'Reminders and re-sending',
        'Default: no reminders; recurring questionnaires sent again 30 days before due',
        'Reminders 7, 3, 1 days before the due date; when overdue every 7 days, at most 4; recurring questionnaires sent again 30 days before due',
      ],
    ]);
    expect(diffPolicies(policyDocument(), bare).map((c) => c.after)).toEqual([
      'Default (12 months)',
      'Default: no reminders; recurring questionnaires sent again 30 days before due',
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

import type { SupplierReportData } from './supplier-report.data.js';

// What the report says when a supplier has no assessment: why, and what is missing for a sound one. An
// unknown is stated as unknown (the scoring rule: unknown data is never rated low), never left out.

export const whyNotAssessed = (d: SupplierReportData): string => {
  if (!d.policy) return 'The organisation has no published scoring policy, so nothing can be scored yet.';
  if (d.supplier.archivedAt) return 'It is archived, and archived suppliers are not scored.';
  return `It can be scored now under ${d.policy.name}, version ${d.policy.version ?? '(draft)'} ("Assess now" on its page in Clearsource).`;
};

/** The data a sound assessment needs that this supplier does not have yet, in words. */
export const missingForAssessment = (d: SupplierReportData): string[] => {
  const s = d.supplier;
  const out: string[] = [];
  if (!d.policy) out.push('A published scoring policy (an administrator publishes one).');
  if (s.goods.length === 0)
    out.push('The goods or services it supplies (goods risk is unknown without them).');
  if (s.headcount === null) out.push('Its headcount (the number of workers).');
  if (s.migrantWorkerShare === null) out.push('The share of migrant workers.');
  if (s.agencyWorkerShare === null) out.push('The share of agency workers.');
  if (!d.questionnaire)
    out.push('Accepted questionnaire answers (until then every control criterion counts as uncontrolled).');
  return out;
};

import type { CriterionAnswer } from '../scoring/types.js';

// How a verified remediation feeds the next assessment (issue 10). A finding closed through its task (someone
// other than the submitter verified the fix) changes the accepted answers scoring reads: the criterion it was
// about counts as fully controlled and backed by evidence, and a red flag it was about no longer raises. The
// answers stay in the assessment's inputs with their labels saying so, so the assessment can be reproduced and
// explained. An accepted risk changes nothing: it is shown as accepted (the finding's status), never as fixed.
// Only findings of the questionnaire whose answers are scored count: newer answers are newer evidence.

/** A closed finding as the overlay reads it: a poorly controlled criterion or a red flag, by key. */
export interface VerifiedRemediation {
  kind: 'criterion' | 'red_flag';
  key: string;
}

const LABEL_MAX = 200;
const SUFFIX = ' (remediated: fix verified)';

const relabel = (label: string) => `${label.slice(0, LABEL_MAX - SUFFIX.length)}${SUFFIX}`;

/** The answers as scoring should read them once `closed` remediations were verified. */
export const withVerifiedRemediations = (
  answers: readonly CriterionAnswer[],
  closed: readonly VerifiedRemediation[],
): CriterionAnswer[] => {
  if (closed.length === 0) return [...answers];
  const criteria = new Set(closed.filter((c) => c.kind === 'criterion').map((c) => c.key));
  const flags = new Set(closed.filter((c) => c.kind === 'red_flag').map((c) => c.key));
  return answers.map((a) => {
    const fixesCriterion = criteria.has(a.criterionKey);
    const clearsFlag = a.redFlag != null && flags.has(a.redFlag);
    if (!fixesCriterion && !clearsFlag) return a;
    return {
      ...a,
      answerLabel: relabel(a.answerLabel),
      ...(fixesCriterion ? { pointsEarned: a.maxPoints, evidenceBacked: true } : {}),
      ...(clearsFlag ? { redFlag: null } : {}),
    };
  });
};

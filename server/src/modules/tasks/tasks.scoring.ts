import { withVerifiedRemediations } from '#shared/domain/tasks/remediated.js';
import type { Tx } from '../../db/client.js';
import type { AcceptedAnswers } from '../assessments/assessments.write.js';
import { closedFindingsOfAssignments } from '../assignments/findings.repo.js';

/**
 * The accepted answers scoring reads, with verified remediations applied: a finding closed through its task
 * counts as controlled (criterion) or no longer raised (red flag) until newer answers are accepted. Wraps the
 * assignments module's source, so every path that scores (a change, a rescore, a what-if) reads the same.
 */
type Source = (
  tx: Tx,
  orgId: string,
  today: string,
  supplierIds?: readonly string[],
) => Promise<Map<string, AcceptedAnswers>>;

export const withRemediations =
  (accepted: Source): Source =>
  async (tx, orgId, today, supplierIds) => {
    const answers = await accepted(tx, orgId, today, supplierIds);
    const closed = await closedFindingsOfAssignments(
      tx,
      orgId,
      [...answers.values()].map((a) => a.assignmentId),
    );
    if (closed.size === 0) return answers;
    return new Map(
      [...answers].map(([supplierId, a]) => [
        supplierId,
        { ...a, answers: withVerifiedRemediations(a.answers, closed.get(a.assignmentId) ?? []) },
      ]),
    );
  };

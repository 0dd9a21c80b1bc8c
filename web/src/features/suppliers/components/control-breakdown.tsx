import type { AssessmentResult } from '#shared/domain/scoring/types.js';
import { Badge } from '../../../components/ui/badge.js';
import { TableScroll } from '../../../components/ui/table.js';
import { formatScore } from '../../../lib/format.js';

const GROUP_LABELS = { ilo_indicator: 'ILO indicator', governance: 'Governance' } as const;

/** Control effectiveness per criterion, with the answers that count towards it. Collapsed by default. */
export function ControlBreakdown({ result }: { result: AssessmentResult }) {
  const criteria = result.control.criteria;
  const answered = criteria.filter((criterion) => !criterion.gap).length;
  return (
    <details className="disclosure">
      <summary>
        Control criteria: {answered} of {criteria.length} evidenced by accepted answers
      </summary>
      <p className="muted formula">{result.control.formula}</p>
      <TableScroll label="Control effectiveness, criterion by criterion">
        <table className="table table-breakdown">
          <caption className="visually-hidden">Control effectiveness, criterion by criterion</caption>
          <thead>
            <tr>
              <th scope="col">Criterion</th>
              <th scope="col" className="cell-number">
                Weight
              </th>
              <th scope="col" className="cell-number">
                Effectiveness
              </th>
              <th scope="col">Answers</th>
            </tr>
          </thead>
          <tbody>
            {criteria.map((criterion) => (
              <tr key={criterion.key}>
                <th scope="row" className="cell-rowheader">
                  <span className="cell-strong">{criterion.name}</span>
                  <span className="cell-sub muted">{GROUP_LABELS[criterion.group]}</span>
                  <span className="cell-source cell-sub">{criterion.citation}</span>
                </th>
                <td className="cell-number">{formatScore(criterion.weight)}</td>
                <td className="cell-number">
                  {criterion.gap ? (
                    <Badge tone="warning">No answer</Badge>
                  ) : (
                    `${formatScore(criterion.effectiveness)}%`
                  )}
                </td>
                <td>
                  {criterion.answers.length === 0 ? (
                    <span className="muted">Counted as uncontrolled</span>
                  ) : (
                    <ul className="plain-list">
                      {criterion.answers.map((answer) => (
                        <li key={answer.questionId}>
                          {answer.answerLabel}{' '}
                          <span className="muted">
                            ({formatScore(answer.weightedPoints)} of {formatScore(answer.maxPoints)} points
                            {answer.evidenceBacked ? ', evidence accepted' : ', no evidence'})
                          </span>
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </details>
  );
}

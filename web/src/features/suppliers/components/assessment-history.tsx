import type { Assessment } from '#shared/schemas/assessments.js';
import { Pagination } from '../../../components/ui/pagination.js';
import { Table, TableMessageRow } from '../../../components/ui/table.js';
import { formatDateTime, formatScore } from '../../../lib/format.js';
import { TRIGGER_LABELS } from '../labels.js';
import { RatingBadge } from './rating-badge.js';
import { ResidualChart } from './residual-chart.js';

export interface AssessmentHistoryProps {
  assessments: readonly Assessment[];
  total: number;
  limit: number;
  offset: number;
  onPage: (offset: number) => void;
  busy: boolean;
  /** Id of the assessment the risk panel shows. */
  currentId: string | undefined;
}

/** Every scoring run of this supplier, newest first; assessments are never changed, so this is a trend. */
export function AssessmentHistory(props: AssessmentHistoryProps) {
  const { assessments, total, limit, offset, onPage, busy, currentId } = props;
  return (
    <section className="panel" aria-labelledby="history-title">
      <h2 className="panel-title" id="history-title">
        Assessment history
      </h2>
      <ResidualChart assessments={assessments} />
      <Table caption="Assessments of this supplier, newest first" busy={busy}>
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Policy</th>
            <th scope="col">Rating</th>
            <th scope="col" className="cell-number">
              Inherent
            </th>
            <th scope="col" className="cell-number">
              Control
            </th>
            <th scope="col" className="cell-number">
              Residual
            </th>
            <th scope="col">Trigger</th>
          </tr>
        </thead>
        <tbody>
          {assessments.length === 0 ? (
            <TableMessageRow colSpan={7}>No assessments yet.</TableMessageRow>
          ) : (
            assessments.map((assessment) => (
              <tr key={assessment.id}>
                <td className="cell-nowrap cell-wrap-narrow">
                  {formatDateTime(assessment.createdAt)}
                  {assessment.id === currentId ? <span className="cell-sub muted">Current</span> : null}
                </td>
                <td className="cell-nowrap cell-wrap-narrow">Version {assessment.policyVersion}</td>
                <td>
                  <RatingBadge rating={assessment.rating} />
                </td>
                <td className="cell-number">{formatScore(assessment.inherentScore)}</td>
                <td className="cell-number">{formatScore(assessment.controlScore)}</td>
                <td className="cell-number cell-strong">{formatScore(assessment.residualScore)}</td>
                <td className="cell-nowrap">{TRIGGER_LABELS[assessment.trigger]}</td>
              </tr>
            ))
          )}
        </tbody>
      </Table>
      {total > limit ? (
        <Pagination noun="assessments" total={total} limit={limit} offset={offset} onChange={onPage} />
      ) : null}
    </section>
  );
}

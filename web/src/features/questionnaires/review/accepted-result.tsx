import { Link } from 'react-router';
import type { Assignment, Finding } from '#shared/schemas/assignments.js';
import { formatDate, formatScore } from '../../../lib/format.js';
import { useSupplierAssessments } from '../../suppliers/api.js';
import { RatingBadge } from '../../suppliers/components/rating-badge.js';
import { FindingList } from './score-preview.js';

/**
 * An accepted questionnaire, read-only: the assessment accepting made and the findings it opened. The
 * assessment is the supplier's first one made on accepting at or after the acceptance (the same transaction).
 */
export function AcceptedResult({
  assignment: a,
  findings,
}: {
  assignment: Assignment;
  findings: readonly Finding[];
}) {
  const history = useSupplierAssessments(a.supplierId, { limit: 50, offset: 0 });
  const acceptedAt = a.acceptedAt ? Date.parse(a.acceptedAt) : Number.NaN;
  const made =
    history.data?.items.find((x) => x.id === findings[0]?.assessmentId) ??
    history.data?.items
      .filter((x) => x.trigger === 'questionnaire_accepted' && Date.parse(x.createdAt) >= acceptedAt - 60_000)
      .at(-1);
  return (
    <section className="panel review-decision" aria-labelledby="accepted-title">
      <h2 className="panel-title" id="accepted-title">
        Accepted{a.acceptedAt ? ` on ${formatDate(a.acceptedAt)}` : ''}
      </h2>
      {made ? (
        <div className="preview-rating">
          <RatingBadge rating={made.rating} size="lg" />
          <span>
            Residual risk {formatScore(made.residualScore)}, control effectiveness{' '}
            {formatScore(made.controlScore)}{' '}
            <span className="muted">(assessment of {formatDate(made.createdAt)})</span>
          </span>
        </div>
      ) : history.isPending ? (
        <p className="loading-text" role="status">
          Loading the assessment…
        </p>
      ) : null}
      <h3 className="risk-section-title">Findings it opened ({findings.length})</h3>
      <FindingList findings={findings} />
      <p>
        <Link to={`/suppliers/${encodeURIComponent(a.supplierId)}`}>See {a.supplierName}’s current risk</Link>
      </p>
    </section>
  );
}

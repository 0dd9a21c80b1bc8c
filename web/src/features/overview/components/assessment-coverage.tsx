import { Link } from 'react-router';
import type { AnswerCoverage } from '#shared/schemas/assignments.js';
import { formatInteger } from '../../../lib/format.js';
import { bandHref, shareOf } from '../lib/portfolio.js';

export interface AssessmentCoverageProps {
  /** Current suppliers in the register. */
  total: number;
  neverAssessed: number;
  /** Suppliers whose latest assessment is older than `months`: undefined while loading, null if it failed. */
  overdue: number | null | undefined;
  months: number;
  /** Whether `months` is the published policy's reassessment interval (else a default). */
  monthsFromPolicy: boolean;
  /** Suppliers whose accepted questionnaire answers still count: undefined while loading, null if it failed. */
  answers?: AnswerCoverage | null;
}

export const overdueHref = (months: number) => `/suppliers?assessedBeforeMonths=${months}`;

/** How much of the register has a rating at all, and how much of it is out of date. */
export function AssessmentCoverage({
  total,
  neverAssessed,
  overdue,
  months,
  monthsFromPolicy,
  answers,
}: AssessmentCoverageProps) {
  const assessed = total - neverAssessed;
  return (
    <section className="panel" aria-labelledby="coverage-title">
      <h2 className="panel-title" id="coverage-title">
        Assessment coverage
      </h2>
      <div className="coverage-summary">
        <p>
          <strong>{formatInteger(assessed)}</strong> of {formatInteger(total)} suppliers assessed (
          {shareOf(assessed, total)})
        </p>
        <progress
          className="progress"
          value={assessed}
          max={Math.max(total, 1)}
          aria-label="Share of suppliers assessed"
        />
      </div>
      <dl className="coverage-list">
        <div>
          <dt>
            <Link to={bandHref('none')}>Never assessed</Link>
          </dt>
          <dd>{formatInteger(neverAssessed)}</dd>
        </div>
        <div>
          <dt>
            <Link to={overdueHref(months)}>Last assessed over {months} months ago</Link>
          </dt>
          <dd>
            {overdue === undefined ? (
              <span className="muted">…</span>
            ) : overdue === null ? (
              <span className="muted">Could not be counted</span>
            ) : (
              formatInteger(overdue)
            )}
          </dd>
        </div>
        <div>
          <dt>
            <Link to="/questionnaires?status=accepted">Backed by current questionnaire answers</Link>
          </dt>
          <dd>
            {answers === undefined ? (
              <span className="muted">…</span>
            ) : answers === null ? (
              <span className="muted">Could not be counted</span>
            ) : (
              `${formatInteger(answers.covered)} (${shareOf(answers.covered, answers.activeSuppliers)})`
            )}
          </dd>
        </div>
        {answers ? (
          <>
            <div>
              <dt>Answers expiring within {answers.expiringWithinDays} days</dt>
              <dd>{formatInteger(answers.expiringSoon)}</dd>
            </div>
            <div>
              <dt>Answers expired, no longer counted</dt>
              <dd>{formatInteger(answers.expired)}</dd>
            </div>
          </>
        ) : null}
      </dl>
      <p className="muted overview-footnote">
        {monthsFromPolicy
          ? `The published scoring policy asks for a reassessment every ${months} months.`
          : `No reassessment interval from a published policy: ${months} months is assumed.`}{' '}
        A supplier never assessed has no rating: it is unknown, not low risk. Without current answers a
        supplier's controls count as absent.
      </p>
    </section>
  );
}

import { Fragment, type ReactNode } from 'react';
import {
  datasetTitles,
  describeTrigger,
  explainConfidence,
  explainRating,
} from '#shared/domain/scoring/explain.js';
import type { AssessmentProvenance, AssessmentResult, DataGap } from '#shared/domain/scoring/types.js';
import type { Assessment } from '#shared/schemas/assessments.js';
import { Badge } from '../../../components/ui/badge.js';
import { formatDate, formatScore } from '../../../lib/format.js';
import { RATING_LABELS } from '../labels.js';
import { AnswerCitation, ScoredAnswers } from './answer-citations.js';
import type { AnswerSource } from './answer-sources.js';
import { ControlBreakdown } from './control-breakdown.js';
import { InherentBreakdown } from './inherent-breakdown.js';
import { RatingBadge } from './rating-badge.js';

function ScoreTile({ label, value, formula }: { label: string; value: ReactNode; formula?: ReactNode }) {
  return (
    <div className="score-tile">
      <dt className="score-label">{label}</dt>
      <dd className="score-value">{value}</dd>
      {formula ? <dd className="score-formula">{formula}</dd> : null}
    </div>
  );
}

/** Confidence in words where it is shown: what it measures, why it has this value, what would raise it. */
function ConfidenceNote({ result }: { result: AssessmentResult }) {
  const c = explainConfidence(result);
  return (
    <details className="disclosure confidence-note">
      <summary>What confidence means</summary>
      <p>{c.measures}</p>
      <p>{c.why}</p>
      <p>{c.raise}</p>
    </details>
  );
}

/** Today's formulas, for the auditor who redoes the sums: one click away, never in the way. */
function Arithmetic({ result }: { result: AssessmentResult }) {
  return (
    <details className="disclosure arithmetic">
      <summary>Show the arithmetic</summary>
      <dl className="arithmetic-list">
        <dt>Inherent risk (points as a share of the maximum)</dt>
        <dd className="formula">{result.inherent.formula}</dd>
        <dt>Control effectiveness (weighted criteria)</dt>
        <dd className="formula">{result.control.formula}</dd>
        <dt>Residual risk (inherent, reduced by controls)</dt>
        <dd className="formula">{result.residual.formula}</dd>
        <dt>Confidence (reference data and answers, weighted)</dt>
        <dd className="formula">{result.confidence.formula}</dd>
      </dl>
    </details>
  );
}

const percent = (share: number) => `${formatScore(share * 100)}%`;

const addMonths = (iso: string, months: number) => {
  const date = new Date(iso);
  date.setMonth(date.getMonth() + months);
  return date;
};

const GAP_HEADINGS: Record<Exclude<DataGap['kind'], 'criterion'>, string> = {
  country: 'Country data',
  good: 'Goods',
  profile: 'Supplier profile',
};

function DataGaps({ gaps }: { gaps: readonly DataGap[] }) {
  if (gaps.length === 0) {
    return <p className="muted">None: every input this score needs was known.</p>;
  }
  const criteria = gaps.filter((gap) => gap.kind === 'criterion');
  const others = gaps.filter((gap) => gap.kind !== 'criterion');
  return (
    <div className="gaps">
      {others.length > 0 ? (
        <ul className="gap-list">
          {others.map((gap) => (
            <li key={`${gap.kind}:${gap.key}`}>
              <span className="gap-kind">{GAP_HEADINGS[gap.kind as keyof typeof GAP_HEADINGS]}</span>
              {gap.message}
            </li>
          ))}
        </ul>
      ) : null}
      {criteria.length > 0 ? (
        <details className="disclosure">
          <summary>
            {criteria.length === 1
              ? '1 control criterion has no accepted answer yet and counts as uncontrolled'
              : `${criteria.length} control criteria have no accepted answer yet and count as uncontrolled`}
          </summary>
          <ul className="plain-list">
            {criteria.map((gap) => (
              <li key={gap.key}>{gap.message}</li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}

function Breakdown({
  assessment,
  sources,
}: {
  assessment: Assessment;
  sources: ReadonlyMap<string, AnswerSource> | null;
}) {
  const { result } = assessment;
  const due = addMonths(assessment.createdAt, result.reassessmentMonths);
  const overdue = due.getTime() < Date.now();
  return (
    <>
      <div className="risk-head">
        <RatingBadge rating={result.rating} floor={result.ratingFloor?.kind ?? null} size="lg" />
        <p className="risk-sentence">{explainRating(result, assessment.inputs)}</p>
      </div>
      <p className="risk-meta">
        {describeTrigger(assessment.trigger, assessment.triggerDetail)}, {formatDate(assessment.createdAt)},
        under scoring policy version {assessment.policyVersion}.{' '}
        {overdue ? (
          <Badge tone="warning">Reassessment overdue since {formatDate(due.toISOString())}</Badge>
        ) : (
          <span className="muted">Reassess by {formatDate(due.toISOString())}.</span>
        )}
      </p>
      {result.ratingFloor ? (
        <p className="risk-escalation">
          The residual score alone gives <strong>{RATING_LABELS[result.ratingFromScore]}</strong>; the rating
          is raised to <strong>{RATING_LABELS[result.rating]}</strong> because there is too little data to
          call it lower. {result.ratingFloor.reason}.
        </p>
      ) : result.rating !== result.ratingFromScore ? (
        <p className="risk-escalation">
          The residual score alone gives <strong>{RATING_LABELS[result.ratingFromScore]}</strong>; a red flag
          raises the rating to <strong>{RATING_LABELS[result.rating]}</strong>.
        </p>
      ) : null}
      <dl className="score-tiles">
        <ScoreTile
          label="Inherent risk"
          value={
            <>
              {formatScore(result.inherent.score)}
              <span className="score-max"> / 100</span>
            </>
          }
          formula="From country, goods and workforce"
        />
        <ScoreTile
          label="Control effectiveness"
          value={
            <>
              {formatScore(result.control.score)}
              <span className="score-max"> / 100</span>
            </>
          }
          formula="From accepted questionnaire answers"
        />
        <ScoreTile
          label="Residual risk"
          value={
            <>
              {formatScore(result.residual.score)}
              <span className="score-max"> / 100</span>
            </>
          }
          formula="Inherent risk, reduced by controls"
        />
        <ScoreTile
          label="Confidence"
          value={percent(result.confidence.value)}
          formula={`Published data ${percent(result.confidence.referenceData)} known, answers ${percent(result.confidence.answers)}`}
        />
      </dl>
      <ConfidenceNote result={result} />

      {result.redFlags.length > 0 ? (
        <section className="risk-section" aria-labelledby="red-flags-title">
          <h3 className="risk-section-title" id="red-flags-title">
            Red flags
          </h3>
          <ul className="red-flags">
            {result.redFlags.map((flag) => (
              <li key={flag.key} className="red-flag">
                <strong>{flag.name}</strong>
                {flag.minRating ? (
                  <span> – sets the rating to at least {RATING_LABELS[flag.minRating]}</span>
                ) : (
                  <span> – reported; the policy sets no minimum rating for it</span>
                )}
                {sources?.get(flag.triggeredBy) ? (
                  <span className="cell-sub">
                    Raised by the answer <AnswerCitation source={sources.get(flag.triggeredBy)!} />.{' '}
                    <span className="muted">{flag.citation}</span>
                  </span>
                ) : (
                  <span className="cell-sub muted">
                    Raised by the answer to question <code className="code">{flag.triggeredBy}</code>.{' '}
                    {flag.citation}
                  </span>
                )}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section className="risk-section" aria-labelledby="inherent-title">
        <h3 className="risk-section-title" id="inherent-title">
          Why the inherent risk is {formatScore(result.inherent.score)}
        </h3>
        <InherentBreakdown result={result} inputs={assessment.inputs} />
      </section>

      <section className="risk-section" aria-labelledby="control-title">
        <h3 className="risk-section-title" id="control-title">
          Controls
        </h3>
        {sources ? <ScoredAnswers result={result} sources={sources} /> : null}
        <ControlBreakdown result={result} />
      </section>

      <section className="risk-section" aria-labelledby="gaps-title">
        <h3 className="risk-section-title" id="gaps-title">
          Data gaps
        </h3>
        <p className="muted">Missing data is scored as unknown, never as low risk.</p>
        <DataGaps gaps={result.dataGaps} />
      </section>

      <Arithmetic result={result} />

      <p className="risk-footnote muted">
        Data used:{' '}
        {datasetTitles(result, assessment.inputs)
          .map((dataset) => dataset.title)
          .join('; ')}
        . Scoring engine {result.engineVersion}.
      </p>
      {assessment.inputs.provenance ? <Provenance provenance={assessment.inputs.provenance} /> : null}
    </>
  );
}

/** The hashes an auditor checks the assessment against: policy document, dataset files, synonym table. */
function Provenance({ provenance }: { provenance: AssessmentProvenance }) {
  return (
    <details className="disclosure risk-provenance">
      <summary>Exact sources (SHA-256)</summary>
      <dl className="details">
        <dt>Policy document (canonical JSON)</dt>
        <dd>
          <code className="hash">{provenance.policySha256}</code>
        </dd>
        {provenance.datasets.map((d) => (
          <Fragment key={d.id}>
            <dt>
              {d.id} (edition {d.edition}){d.file ? `, ${d.file}` : ''}
            </dt>
            <dd>{d.sha256 ? <code className="hash">{d.sha256}</code> : 'no hash recorded'}</dd>
          </Fragment>
        ))}
        <dt>Goods synonym table</dt>
        <dd>version {provenance.goodsSynonymsVersion}</dd>
      </dl>
    </details>
  );
}

export interface RiskPanelProps {
  /** The supplier's current assessment; undefined when it has none. */
  assessment: Assessment | undefined;
  /** Shown when there is no assessment yet (e.g. the "Assess now" button). */
  emptyAction?: ReactNode;
  /** The question and answer behind each scored answer, by question id (useAnswerSources); cited when given. */
  sources?: ReadonlyMap<string, AnswerSource> | null;
}

/** The current risk: rating, the three scores, and every number's breakdown down to its source. */
export function RiskPanel({ assessment, emptyAction, sources = null }: RiskPanelProps) {
  return (
    <section className="panel risk-panel" aria-labelledby="risk-title">
      <h2 className="panel-title" id="risk-title">
        Current risk
      </h2>
      {!assessment ? (
        <div className="risk-empty">
          <RatingBadge rating={null} size="lg" />
          <p className="muted">
            This supplier has not been assessed yet, so it has no rating. An assessment scores inherent risk
            from the published data for its country and goods, and control effectiveness from accepted
            questionnaire answers.
          </p>
          {emptyAction}
        </div>
      ) : (
        <Breakdown assessment={assessment} sources={sources} />
      )}
    </section>
  );
}

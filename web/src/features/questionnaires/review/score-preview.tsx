import type { AssignmentPreview, PreviewFinding } from '#shared/schemas/assignment-review.js';
import { Alert } from '../../../components/ui/alert.js';
import { Badge } from '../../../components/ui/badge.js';
import { describeError } from '../../../lib/form-errors.js';
import { formatScore } from '../../../lib/format.js';
import { RatingBadge } from '../../suppliers/components/rating-badge.js';
import { RATING_LABELS } from '../../suppliers/labels.js';

const SEVERITY_TONES = { low: 'neutral', medium: 'warning', high: 'danger', critical: 'danger' } as const;
const SEVERITY_LABELS = { low: 'Low', medium: 'Medium', high: 'High', critical: 'Critical' } as const;

function Move({ label, before, after }: { label: string; before: number | null; after: number }) {
  return (
    <div className="preview-move">
      <dt>{label}</dt>
      <dd>
        {before === null ? '–' : formatScore(before)} → <strong>{formatScore(after)}</strong>
      </dd>
    </div>
  );
}

/** Findings that will open (or opened): severity, title, why, and the rule it cites. */
export function FindingList({
  findings,
}: {
  findings: readonly Pick<PreviewFinding, 'key' | 'kind' | 'severity' | 'title' | 'detail' | 'citation'>[];
}) {
  if (findings.length === 0) return <p className="muted">None: no weak criterion or red flag.</p>;
  return (
    <ul className="finding-list">
      {findings.map((f) => (
        <li key={`${f.kind}:${f.key}`} className="finding-item">
          <Badge tone={SEVERITY_TONES[f.severity]}>{SEVERITY_LABELS[f.severity]}</Badge>{' '}
          <strong>{f.title}</strong>
          <span className="cell-sub">{f.detail}</span>
          <span className="cell-sub muted">{f.citation}</span>
        </li>
      ))}
    </ul>
  );
}

export interface ScorePreviewProps {
  preview: AssignmentPreview | undefined;
  error: unknown;
  refreshing: boolean;
}

/** What accepting would do now: the rating before → after, the criteria moving, red flags and findings. */
export function ScorePreviewPanel({ preview, error, refreshing }: ScorePreviewProps) {
  return (
    <section className="panel preview-panel" aria-labelledby="preview-title" aria-busy={refreshing}>
      <h2 className="panel-title" id="preview-title">
        If you accept
      </h2>
      {error && !preview ? (
        <Alert tone="error" title="The preview could not be computed">
          {describeError(error)}
        </Alert>
      ) : !preview ? (
        <p className="loading-text" role="status">
          Scoring the answers…
        </p>
      ) : (
        <>
          <p className="muted" role="status">
            {refreshing
              ? 'Updating…'
              : `Scored under policy version ${preview.policyVersion}; nothing is saved yet.`}
          </p>
          <div className="preview-rating">
            {preview.before ? <RatingBadge rating={preview.before.rating} /> : <RatingBadge rating={null} />}
            <span aria-hidden="true">→</span>
            <span className="visually-hidden">becomes</span>
            <RatingBadge rating={preview.after.rating} size="lg" />
          </div>
          {preview.after.rating !== preview.after.ratingFromScore ? (
            <p className="risk-escalation">
              The score alone gives {RATING_LABELS[preview.after.ratingFromScore]}; the rating is raised to{' '}
              {RATING_LABELS[preview.after.rating]}.
            </p>
          ) : null}
          <dl className="preview-moves">
            <Move
              label="Control effectiveness"
              before={preview.before?.controlScore ?? null}
              after={preview.after.controlScore}
            />
            <Move
              label="Residual risk"
              before={preview.before?.residualScore ?? null}
              after={preview.after.residualScore}
            />
            <Move
              label="Inherent risk"
              before={preview.before?.inherentScore ?? null}
              after={preview.after.inherentScore}
            />
          </dl>

          <h3 className="risk-section-title">Control criteria these answers score</h3>
          {preview.criteria.length === 0 ? (
            <p className="muted">None: no answer is scored.</p>
          ) : (
            <ul className="preview-criteria">
              {preview.criteria.map((c) => (
                <li key={c.key}>
                  <span>{c.name}</span>{' '}
                  <span className="preview-criterion-move">
                    {c.before === null ? '–' : `${formatScore(c.before)}%`} →{' '}
                    <strong>{formatScore(c.after)}%</strong>
                  </span>
                </li>
              ))}
            </ul>
          )}

          <h3 className="risk-section-title">Red flags</h3>
          {preview.redFlags.length === 0 ? (
            <p className="muted">None.</p>
          ) : (
            <ul className="red-flags">
              {preview.redFlags.map((f) => (
                <li key={f.key} className="red-flag">
                  <strong>{f.name}</strong>
                  {f.minRating ? <span> – rating at least {RATING_LABELS[f.minRating]}</span> : null}
                </li>
              ))}
            </ul>
          )}

          <h3 className="risk-section-title">Findings that will open ({preview.findings.length})</h3>
          <FindingList findings={preview.findings} />
        </>
      )}
    </section>
  );
}

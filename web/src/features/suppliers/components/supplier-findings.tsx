import { Link } from 'react-router';
import { Badge } from '../../../components/ui/badge.js';
import { describeError } from '../../../lib/form-errors.js';
import { formatDate } from '../../../lib/format.js';
import { useSupplierFindings } from '../../questionnaires/review/review-api.js';

const SEVERITY_TONES = { low: 'neutral', medium: 'warning', high: 'danger', critical: 'danger' } as const;
const SEVERITY_LABELS = { low: 'Low', medium: 'Medium', high: 'High', critical: 'Critical' } as const;

/**
 * The supplier's open findings: what its accepted answers showed poorly controlled, and the red flags. Each
 * can become a remediation task (`canCreateTask`: officers and administrators).
 */
export function SupplierFindings({
  supplierId,
  canCreateTask = false,
}: {
  supplierId: string;
  canCreateTask?: boolean;
}) {
  const findings = useSupplierFindings(supplierId);
  return (
    <section className="panel" aria-labelledby="findings-title">
      <h2 className="panel-title" id="findings-title">
        Open findings{findings.data ? ` (${findings.data.length})` : ''}
      </h2>
      {findings.isError ? (
        <p className="muted">Findings could not be loaded: {describeError(findings.error)}</p>
      ) : !findings.data ? (
        <p className="loading-text" role="status">
          Loading findings…
        </p>
      ) : findings.data.length === 0 ? (
        <p className="muted">
          None. Findings open when accepted answers show a criterion poorly controlled or raise a red flag.
        </p>
      ) : (
        <ul className="finding-list">
          {findings.data.map((f) => (
            <li key={f.id} className="finding-item">
              <Badge tone={SEVERITY_TONES[f.severity]}>{SEVERITY_LABELS[f.severity]}</Badge>{' '}
              <strong>{f.title}</strong>
              <span className="cell-sub">{f.detail}</span>
              <span className="cell-sub muted">
                {f.citation} · opened {formatDate(f.createdAt)}
                {f.assignmentId ? (
                  <>
                    {' · '}
                    <Link to={`/questionnaires/assignments/${encodeURIComponent(f.assignmentId)}`}>
                      the questionnaire
                    </Link>
                  </>
                ) : null}
              </span>
              {canCreateTask ? (
                <Link
                  className="btn btn-secondary btn-sm finding-task"
                  to={`/remediation/new?supplierId=${encodeURIComponent(supplierId)}&findingId=${encodeURIComponent(f.id)}`}
                >
                  Create task <span className="visually-hidden">for “{f.title}”</span>
                </Link>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

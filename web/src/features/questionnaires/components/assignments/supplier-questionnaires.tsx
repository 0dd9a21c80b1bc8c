import { Link } from 'react-router';
import { Alert } from '../../../../components/ui/alert.js';
import { Button } from '../../../../components/ui/button.js';
import { describeError } from '../../../../lib/form-errors.js';
import { formatDate } from '../../../../lib/format.js';
import { useAssignments } from '../../assignments-api.js';
import { AssignmentStatusCell } from './assignment-status.js';
import { assignmentPath } from './assignments-table.js';
import '../../assignments.css';

const SHOWN = 5;

export interface SupplierQuestionnairesProps {
  supplier: { id: string; name: string };
  /** Officers, on a supplier still in the register (an archived one cannot be sent anything). */
  canSend: boolean;
  /** The send form is open (the page shows it full width, above its columns). */
  sending: boolean;
  onSend: () => void;
}

/** One supplier's questionnaires on its page: the latest few with their status, and sending a new one. */
export function SupplierQuestionnaires({ supplier, canSend, sending, onSend }: SupplierQuestionnairesProps) {
  const assignments = useAssignments({ supplierId: supplier.id, limit: SHOWN, offset: 0 });
  const items = assignments.data?.items ?? [];
  const total = assignments.data?.total ?? 0;

  return (
    <section className="panel" aria-labelledby="supplier-questionnaires-title" id="questionnaires">
      <div className="supplier-questionnaires-head">
        <h2 className="panel-title" id="supplier-questionnaires-title">
          Questionnaires
        </h2>
        {canSend && !sending ? (
          <Button size="sm" onClick={onSend}>
            Send questionnaire
          </Button>
        ) : null}
      </div>
      {assignments.isError ? (
        <Alert tone="error" title="Questionnaires could not be loaded">
          {describeError(assignments.error)}
        </Alert>
      ) : assignments.isPending ? (
        <p className="loading-text" role="status">
          Loading questionnaires…
        </p>
      ) : items.length === 0 ? (
        <p className="muted">
          No questionnaire sent yet. Its accepted answers are what scores this supplier’s controls.
        </p>
      ) : (
        <>
          <ul className="supplier-questionnaires-list">
            {items.map((a) => (
              <li key={a.id}>
                <div>
                  <Link className="cell-link" to={assignmentPath(a.id)}>
                    {a.templateName} <span className="muted">version {a.templateVersion}</span>
                  </Link>
                  <div className="supplier-questionnaires-meta">
                    Sent {formatDate(a.sentAt)} · due {formatDate(a.dueDate)}
                    {a.submittedAt ? ` · submitted ${formatDate(a.submittedAt)}` : ''}
                  </div>
                </div>
                <AssignmentStatusCell assignment={a} />
              </li>
            ))}
          </ul>
          {total > SHOWN ? (
            <Link to={`/questionnaires?supplierId=${encodeURIComponent(supplier.id)}`}>
              All {total} questionnaires of {supplier.name}
            </Link>
          ) : null}
        </>
      )}
    </section>
  );
}

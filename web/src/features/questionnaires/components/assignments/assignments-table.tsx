import { Link } from 'react-router';
import type { Assignment } from '#shared/schemas/assignments.js';
import { Button } from '../../../../components/ui/button.js';
import { Table, TableMessageRow } from '../../../../components/ui/table.js';
import { formatDate } from '../../../../lib/format.js';
import { RemindersSummary } from '../reminders-list.js';
import { AssignmentStatusCell, LinkStateCell } from './assignment-status.js';

export const assignmentPath = (id: string) => `/questionnaires/assignments/${encodeURIComponent(id)}`;

export interface LinkActions {
  onRevoke: (assignment: Assignment) => void;
  onReissue: (assignment: Assignment) => void;
}

/**
 * A live link can always be stopped: an accepted questionnaire's still opens its answers and the remediation
 * tasks shared with the supplier. Any link but an accepted questionnaire's can be replaced (the server's rules).
 */
export const canRevoke = (a: Assignment) => a.link.state === 'live';
export const canReissue = (a: Assignment) => a.status !== 'accepted';

/** Questionnaires sent; `actions` (officers) adds revoking and re-issuing links. */
export function AssignmentsTable({
  assignments,
  busy,
  actions,
}: {
  assignments: readonly Assignment[];
  busy: boolean;
  actions?: LinkActions | undefined;
}) {
  return (
    <Table caption="Questionnaires sent to suppliers" busy={busy} wrapClassName="asg-table-wrap">
      <thead>
        <tr>
          <th scope="col">Supplier and questionnaire</th>
          <th scope="col">Status</th>
          <th scope="col">Due</th>
          <th scope="col">Link</th>
          <th scope="col">Sent</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {assignments.length === 0 ? (
          <TableMessageRow colSpan={6}>No questionnaires match these filters.</TableMessageRow>
        ) : (
          assignments.map((a) => (
            <tr key={a.id}>
              <td className="cell-wide">
                <Link className="cell-link" to={`/suppliers/${a.supplierId}`}>
                  {a.supplierName}
                </Link>
                {/* The questionnaire opens from the first column too: on a phone the actions are off to the right. */}
                <Link className="cell-sub asg-open-link" to={assignmentPath(a.id)}>
                  {a.templateName}, version {a.templateVersion}
                </Link>
              </td>
              <td>
                <AssignmentStatusCell assignment={a} />
              </td>
              <td className={a.overdue ? 'cell-nowrap asg-due asg-due-late' : 'cell-nowrap asg-due'}>
                {formatDate(a.dueDate)}
                <RemindersSummary reminders={a.reminders} />
              </td>
              <td>
                <LinkStateCell link={a.link} />
              </td>
              <td className="cell-nowrap">
                {formatDate(a.sentAt)}
                {a.submittedAt ? (
                  <span className="cell-sub muted">submitted {formatDate(a.submittedAt)}</span>
                ) : null}
              </td>
              <td>
                <div className="asg-actions">
                  <Link
                    className={`btn btn-sm ${a.status === 'submitted' ? 'btn-primary' : 'btn-secondary'}`}
                    to={assignmentPath(a.id)}
                  >
                    {a.status === 'submitted' ? 'Review' : 'Open'}
                    <span className="visually-hidden"> the questionnaire of {a.supplierName}</span>
                  </Link>
                  {actions && canRevoke(a) ? (
                    <Button size="sm" variant="ghost" onClick={() => actions.onRevoke(a)}>
                      Revoke link<span className="visually-hidden"> of {a.supplierName}</span>
                    </Button>
                  ) : null}
                  {actions && canReissue(a) ? (
                    <Button size="sm" variant="ghost" onClick={() => actions.onReissue(a)}>
                      {a.link.state === 'live'
                        ? 'Re-issue link'
                        : a.link.state === 'not_issued'
                          ? 'Issue link'
                          : 'New link'}
                      <span className="visually-hidden"> for {a.supplierName}</span>
                    </Button>
                  ) : null}
                </div>
              </td>
            </tr>
          ))
        )}
      </tbody>
    </Table>
  );
}

import { Alert } from '../../../../components/ui/alert.js';
import { formatDate } from '../../../../lib/format.js';
import { useOpenAssignmentsOf } from '../../assignments-api.js';
import { ASSIGNMENT_STATUS_LABELS } from '../assignments/assignment-status.js';
import type { SupplierRef } from './recipients.js';

const SHOWN = 10;

/**
 * Says which chosen suppliers already have this questionnaire open (sent and not yet accepted): sending
 * again is allowed (a new year's round, a lost link) but gives them a second one with its own link.
 */
export function AlreadyOpen({
  templateId,
  suppliers,
}: {
  templateId: string;
  suppliers: readonly SupplierRef[];
}) {
  const open = useOpenAssignmentsOf(templateId);
  const chosen = new Set(suppliers.map((s) => s.id));
  const seen = new Set<string>();
  const clashes = (open.data ?? []).filter((a) => {
    if (!chosen.has(a.supplierId) || seen.has(a.supplierId)) return false;
    seen.add(a.supplierId);
    return true;
  });
  if (clashes.length === 0) return null;
  return (
    <Alert
      tone="warning"
      title={
        clashes.length === 1
          ? 'One supplier already has this questionnaire open'
          : `${clashes.length} suppliers already have this questionnaire open`
      }
    >
      <ul className="send-result-list">
        {clashes.slice(0, SHOWN).map((a) => (
          <li key={a.id}>
            {a.supplierName}:{' '}
            {a.status === 'sent' ? '' : `${ASSIGNMENT_STATUS_LABELS[a.status].toLowerCase()}, `}sent{' '}
            {formatDate(a.sentAt)}, due {formatDate(a.dueDate)}
          </li>
        ))}
        {clashes.length > SHOWN ? <li>and {clashes.length - SHOWN} more</li> : null}
      </ul>
      <p className="already-open-advice">
        Sending again gives {clashes.length === 1 ? 'it' : 'each'} a second questionnaire with its own link.
        To replace a lost link instead, re-issue it from Questionnaires; or untick{' '}
        {clashes.length === 1 ? 'it' : 'them'}.
      </p>
    </Alert>
  );
}

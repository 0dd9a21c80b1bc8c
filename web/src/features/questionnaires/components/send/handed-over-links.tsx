import { useId } from 'react';
import type { AssignmentIssued } from '#shared/schemas/assignments.js';
import { CopyField } from '../../../../components/ui/copy-field.js';

/**
 * Links no e-mail could carry, each shown once with a copy button. The warning is plain because a lost
 * link cannot be recovered, only replaced (re-issuing it stops the old one).
 */
export function HandedOverLinks({ items }: { items: readonly AssignmentIssued[] }) {
  const one = items.length === 1;
  const titleId = useId();
  return (
    <section className="secret-panel" aria-labelledby={titleId}>
      <h3 className="secret-title" id={titleId}>
        {one ? 'Pass this link on yourself' : `Pass these ${items.length} links on yourself`}
      </h3>
      <div className="secret-explainer">
        <p>
          {one ? 'It was' : 'They were'} not e-mailed: no mail server is set up, or the supplier has no
          contact e-mail. Send {one ? 'it' : 'each'} to the supplier through a channel they trust. Anyone
          holding a link can answer for that supplier.
        </p>
        <p>
          <strong>
            {one ? 'This link is' : 'These links are'} shown only once and will not be shown again.
          </strong>{' '}
          If one is lost, re-issue it from Questionnaires: the old one then stops working.
        </p>
      </div>
      <ul className="handed-over-list">
        {items.map((a) => (
          <li key={a.id}>
            <p className="cell-strong">{a.supplierName}</p>
            <CopyField
              label={`Questionnaire link for ${a.supplierName}`}
              value={a.portalUrl ?? ''}
              buttonName={`Copy the link for ${a.supplierName}`}
            />
          </li>
        ))}
      </ul>
    </section>
  );
}

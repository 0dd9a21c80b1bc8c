import { type ReactNode, useEffect, useId, useRef } from 'react';
import type { AssignmentIssued } from '#shared/schemas/assignments.js';
import { CopyField } from '../../../../components/ui/copy-field.js';

/**
 * Links no e-mail could carry, each shown once with a copy button. The warning is plain because a lost
 * link cannot be recovered, only replaced (re-issuing it stops the old one).
 */
export function HandedOverLinks({
  items,
  title,
  note,
  actions,
  focusOnShow = false,
}: {
  items: readonly AssignmentIssued[];
  title?: string;
  /** A first paragraph of its own (e.g. that the old link stopped working). */
  note?: ReactNode;
  actions?: ReactNode;
  /** Moves focus to the heading when shown (it appears after a dialog closes, away from where focus was). */
  focusOnShow?: boolean;
}) {
  const one = items.length === 1;
  const titleId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusOnShow) headingRef.current?.focus();
  }, [focusOnShow]);
  return (
    <section className="secret-panel" aria-labelledby={titleId}>
      <h3 className="secret-title" id={titleId} ref={headingRef} tabIndex={-1}>
        {title ?? (one ? 'Pass this link on yourself' : `Pass these ${items.length} links on yourself`)}
      </h3>
      <div className="secret-explainer">
        {note ? <p>{note}</p> : null}
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
      {actions ? <div className="secret-actions">{actions}</div> : null}
    </section>
  );
}

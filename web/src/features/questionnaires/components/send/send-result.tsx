import { Link } from 'react-router';
import type { AssignmentIssued } from '#shared/schemas/assignments.js';
import { Button } from '../../../../components/ui/button.js';
import { formatDate } from '../../../../lib/format.js';
import { HandedOverLinks } from './handed-over-links.js';
import '../../assignments.css';

/**
 * What became of each link just sent: e-mailed to the supplier's contact, or handed over here (no mail
 * server, or no contact e-mail) to be copied now; the server never shows a link again.
 */
export function SendResult({ items, onClose }: { items: readonly AssignmentIssued[]; onClose: () => void }) {
  const emailed = items.filter((a) => a.delivery === 'email');
  const handed = items.filter((a) => a.delivery === 'handed_over' && a.portalUrl);
  const due = items[0] ? formatDate(items[0].dueDate) : '';
  return (
    <div className="send-result">
      <p>
        {items[0] ? `${items[0].templateName} (version ${items[0].templateVersion}), due ${due}.` : null}{' '}
        <Link to="/questionnaires">Follow them in Questionnaires</Link>.
      </p>
      {emailed.length > 0 ? (
        <div>
          <h3 className="send-result-heading">E-mailed ({emailed.length})</h3>
          <ul className="send-result-list">
            {emailed.map((a) => (
              <li key={a.id}>
                <span className="cell-strong">{a.supplierName}</span>: e-mailed to {a.link.recipient}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {handed.length > 0 ? <HandedOverLinks items={handed} /> : null}
      <div className="form-actions">
        <Button variant={handed.length > 0 ? 'secondary' : 'primary'} onClick={onClose}>
          {handed.length > 0
            ? handed.length === 1
              ? 'I have copied the link – close'
              : 'I have copied the links – close'
            : 'Close'}
        </Button>
      </div>
    </div>
  );
}

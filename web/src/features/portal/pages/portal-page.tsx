import { type ReactNode, useEffect } from 'react';
import { useParams } from 'react-router';
import { Alert } from '../../../components/ui/alert.js';
import { Button } from '../../../components/ui/button.js';
import { isApiError } from '../../../lib/api-client.js';
import { describeError } from '../../../lib/form-errors.js';
import { usePortalQuestionnaire } from '../api.js';
import { PortalQuestionnaireForm } from '../components/portal-questionnaire.js';
import '../portal.css';

/**
 * The supplier portal, `/portal/:token`: a page of its own, outside the signed-in dashboard (no session, no
 * menu). The token in the address is the supplier's credential, so it never goes into the title, and the
 * page asks the browser not to send its address to other sites (no-referrer; the server says so too).
 */
export function PortalPage() {
  const token = useParams().token ?? '';
  const questionnaire = usePortalQuestionnaire(token);

  useEffect(() => {
    document.title = 'Questionnaire · Clearsource';
  }, []);

  let body: ReactNode;
  if (questionnaire.isPending) {
    body = (
      <p className="loading-text" role="status">
        Opening your questionnaire…
      </p>
    );
  } else if (questionnaire.isError) {
    body = <LinkProblem error={questionnaire.error} onRetry={() => void questionnaire.refetch()} />;
  } else {
    body = <PortalQuestionnaireForm token={token} data={questionnaire.data} />;
  }

  return (
    <div className="portal">
      <meta name="referrer" content="no-referrer" />
      <meta name="robots" content="noindex, nofollow" />
      <div className="portal-brand">
        <span className="portal-brand-name">Clearsource</span>
        <span className="portal-brand-note">Supplier questionnaire</span>
      </div>
      <main className="portal-main">{body}</main>
    </div>
  );
}

/** An unknown, expired or withdrawn link says what happened and whom to ask, not "something went wrong". */
function LinkProblem({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const status = isApiError(error) ? error.status : 0;
  if (status === 410) {
    // The server's message says which (expired, or withdrawn by the organisation it names).
    return (
      <div className="portal-problem">
        <h1 className="portal-title">This link no longer works</h1>
        <Alert tone="warning">{describeError(error)}</Alert>
        <p className="muted">
          Questionnaire links work for a limited time and can be replaced. The company that sent you this link
          can send you a new one; your saved answers are not lost.
        </p>
      </div>
    );
  }
  if (status === 404 || status === 400) {
    return (
      <div className="portal-problem">
        <h1 className="portal-title">This link is not valid</h1>
        <Alert tone="warning">
          {status === 404
            ? describeError(error)
            : 'This link is incomplete: open it again from your e-mail, or copy the whole address.'}
        </Alert>
        <p className="muted">
          If you pasted the address, check that it was copied whole, to its last character.
        </p>
      </div>
    );
  }
  return (
    <div className="portal-problem">
      <h1 className="portal-title">Your questionnaire could not be opened</h1>
      <Alert tone="error">{describeError(error)}</Alert>
      <Button variant="primary" onClick={onRetry}>
        Try again
      </Button>
    </div>
  );
}

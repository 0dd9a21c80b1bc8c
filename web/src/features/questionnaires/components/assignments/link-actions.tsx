import { type ReactNode, useState } from 'react';
import type { Assignment } from '#shared/schemas/assignments.js';
import { Alert } from '../../../../components/ui/alert.js';
import { Button } from '../../../../components/ui/button.js';
import { ConfirmDialog } from '../../../../components/ui/confirm-dialog.js';
import { describeError } from '../../../../lib/form-errors.js';
import { formatDate } from '../../../../lib/format.js';
import { useReissueLink, useRevokeLink } from '../../assignments-api.js';
import { HandedOverLinks } from '../send/handed-over-links.js';
import type { LinkActions } from './assignments-table.js';

/**
 * Revoking and re-issuing a supplier's link, each confirmed first (the old link stops at once), and what
 * came of it: `view` holds the dialogs and the outcome, to render above the list.
 */
export function useLinkActions(): { actions: LinkActions; view: ReactNode } {
  const [revoking, setRevoking] = useState<Assignment | null>(null);
  const [reissuing, setReissuing] = useState<Assignment | null>(null);
  const revoke = useRevokeLink();
  const reissue = useReissueLink();

  const actions: LinkActions = {
    onRevoke: (a) => {
      revoke.reset();
      reissue.reset();
      setRevoking(a);
    },
    onReissue: (a) => {
      revoke.reset();
      reissue.reset();
      setReissuing(a);
    },
  };

  const issued = reissue.data;
  const view = (
    <>
      {revoke.data ? (
        <Alert tone="success" onDismiss={() => revoke.reset()}>
          The link of {revoke.data.supplierName} was revoked: it no longer opens the questionnaire. Their
          answers are kept; re-issue a link to let them continue.
        </Alert>
      ) : null}
      {issued?.delivery === 'email' ? (
        <Alert tone="success" onDismiss={() => reissue.reset()}>
          A new link for {issued.supplierName} was e-mailed to {issued.link.recipient}. The old link no longer
          works.
        </Alert>
      ) : null}
      {issued?.portalUrl ? (
        <div className="send-panel-plain">
          <HandedOverLinks
            items={[issued]}
            focusOnShow
            title={`New link for ${issued.supplierName}`}
            note={`The old link no longer works. The new one works until ${issued.link.expiresAt ? formatDate(issued.link.expiresAt) : 'it is revoked'}.`}
            actions={<Button onClick={() => reissue.reset()}>I have copied the link – close</Button>}
          />
        </div>
      ) : null}
      {revoking ? (
        <ConfirmDialog
          title={`Revoke the link of ${revoking.supplierName}?`}
          confirmLabel="Revoke link"
          busy={revoke.isPending}
          error={revoke.isError ? describeError(revoke.error) : null}
          onConfirm={() =>
            revoke.mutate(
              { id: revoking.id, revision: revoking.revision },
              { onSuccess: () => setRevoking(null) },
            )
          }
          onCancel={() => setRevoking(null)}
        >
          {revoking.status === 'accepted' ? (
            <p>
              The link stops working at once: the supplier can no longer see its accepted answers to “
              {revoking.templateName}” or the remediation tasks shared with it through this link. The answers
              are kept. An accepted questionnaire’s link cannot be re-issued: to reach the supplier again,
              send a new questionnaire.
            </p>
          ) : (
            <p>
              The link stops working at once: the supplier can no longer open or answer “
              {revoking.templateName}”. The answers given so far are kept, and you can re-issue a link later.
            </p>
          )}
        </ConfirmDialog>
      ) : null}
      {reissuing ? (
        <ConfirmDialog
          title={`Send ${reissuing.supplierName} a new link?`}
          confirmLabel="Re-issue link"
          tone="primary"
          busy={reissue.isPending}
          error={reissue.isError ? describeError(reissue.error) : null}
          onConfirm={() =>
            reissue.mutate(
              { id: reissuing.id, revision: reissuing.revision },
              { onSuccess: () => setReissuing(null) },
            )
          }
          onCancel={() => setReissuing(null)}
        >
          <p>
            {reissuing.link.state === 'live' ? 'The current link stops working at once. ' : null}
            The new link is e-mailed to the supplier’s first contact, or shown to you once to pass on when no
            e-mail can carry it. Answers given so far are kept.
          </p>
        </ConfirmDialog>
      ) : null}
    </>
  );
  return { actions, view };
}

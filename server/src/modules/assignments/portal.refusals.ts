import { isOpenAssignmentStatus } from '#shared/schemas/assignments.js';
import { AppError } from '../../lib/app-error.js';
import type { Actor } from '../../lib/context.js';

/**
 * What the portal says when a link cannot be used or a questionnaire can no longer be changed: the same words
 * whichever way a request went (the transaction of portal.service.ts or the autosave's one statement).
 */
export const invalidLink = () =>
  new AppError(
    'not_found',
    'This questionnaire link is not valid. It may have been mistyped or replaced by a newer link: ask the company that sent it for a new one.',
  );

export const linkGone = (state: 'expired' | 'revoked', organisation: string) =>
  new AppError(
    'gone',
    state === 'revoked'
      ? `${organisation} has withdrawn this link. If you still need to answer, ask them for a new one.`
      : `This link has expired. Ask ${organisation} for a new one; the answers you saved are kept.`,
  );

/** Refuses a change to a questionnaire in `status` unless the supplier may still change it. */
export const editableOnly = (status: string) => {
  if (!isOpenAssignmentStatus(status)) {
    throw new AppError(
      'unprocessable',
      status === 'accepted'
        ? 'This questionnaire was accepted: it can no longer be changed.'
        : 'This questionnaire was submitted: it can be changed again only if it is returned to you.',
    );
  }
};

/** Who acts through a link, as the audit trail names it. */
export const linkActor = (assignmentId: string, supplierName: string): Actor => ({
  type: 'supplier_link',
  id: assignmentId,
  label: `${supplierName} (questionnaire link)`,
});

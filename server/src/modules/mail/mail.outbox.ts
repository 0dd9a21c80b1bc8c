import type { MailParams } from '#shared/schemas/mail.js';
import type { Tx } from '../../db/client.js';
import type { Sealer } from '../../lib/sealing.js';
import type { MailRepo } from './mail.repo.js';

export interface QueuedMail {
  to: string;
  params: MailParams;
  /** The secret link the message carries, if any: sealed in the outbox, erased once sent. */
  link?: string;
  entityType: 'user' | 'assignment' | 'task';
  entityId: string;
}

/**
 * `email`: queued, the worker sends it after commit. `handed_over`: no mailer is configured, so nothing can be
 * sent; the caller gives the link to the person who caused the message (shown once in the dashboard), and the
 * outbox records that this happened.
 */
export type Delivery = 'email' | 'handed_over';

interface Deps {
  repo: Pick<MailRepo, 'insertMessage'>;
  sealer: Sealer;
  /** Whether a mailer (SMTP_URL) is configured. */
  configured: boolean;
}

/** Queues e-mail inside the caller's transaction, so a message exists exactly when its change committed. */
export const createOutbox = ({ repo, sealer, configured }: Deps) => ({
  configured,
  async queue(tx: Tx, orgId: string, mail: QueuedMail): Promise<{ id: string; delivery: Delivery }> {
    const { id } = await repo.insertMessage(tx, {
      orgId,
      kind: mail.params.kind,
      toAddress: mail.to,
      params: mail.params,
      linkSealed: configured && mail.link ? sealer.seal(mail.link) : null,
      entityType: mail.entityType,
      entityId: mail.entityId,
      status: configured ? 'queued' : 'not_sent',
      lastError: configured ? null : 'No mailer is configured (SMTP_URL)',
    });
    return { id, delivery: configured ? 'email' : 'handed_over' };
  },
});

export type Outbox = ReturnType<typeof createOutbox>;

import type { FastifyBaseLogger } from 'fastify';
import { MailParamsSchema } from '#shared/schemas/mail.js';
import type { Db } from '../../db/client.js';
import { withTenant } from '../../db/tenant.js';
import { SYSTEM_ACTOR } from '../../lib/context.js';
import type { Sealer } from '../../lib/sealing.js';
import { appendAuditEvent } from '../audit/audit-append.js';
import { renderMail } from './mail.render.js';
import * as repo from './mail.repo.js';
import type { MailTransport } from './mail.transport.js';

const POLL_MS = 5000;
const BATCH = 20;
const FIRST_RETRY_SECONDS = 60;
const MAX_RETRY_SECONDS = 3600;

/** Doubles from a minute, capped at an hour: a mail server down for a while is not hammered. */
export const retryDelaySeconds = (attempts: number) =>
  Math.min(FIRST_RETRY_SECONDS * 2 ** Math.max(0, attempts - 1), MAX_RETRY_SECONDS);

/** A failure as the outbox keeps it: one line, bounded (SMTP replies never carry the message body). */
const describe = (err: unknown) =>
  (err instanceof Error ? err.message : String(err)).replace(/\s+/g, ' ').slice(0, 500);

interface Deps {
  db: Db;
  log: FastifyBaseLogger;
  transport: MailTransport | undefined;
  sealer: Sealer;
  maxAttempts: number;
}

/**
 * Sends what the outbox holds, in every API process (SKIP LOCKED keeps two off the same message). `kick()`
 * after a commit that queued mail sends it at once; the poll picks up retries and other processes' mail.
 * Log lines name the message by id and kind, never its address or link.
 */
export const createMailWorker = ({ db, log, transport, sealer, maxAttempts }: Deps) => {
  let stopped = true;
  let running: Promise<unknown> | undefined;
  let timer: NodeJS.Timeout | undefined;

  const deliver = async (claimed: { id: string; orgId: string }) => {
    const row = await withTenant(db, claimed.orgId, (tx) => repo.findMessage(tx, claimed.orgId, claimed.id));
    if (!row || !transport) return;
    const params = MailParamsSchema.safeParse(row.params);
    const link = row.linkSealed ? sealer.unseal(row.linkSealed) : undefined;
    let failure: string | undefined;
    let permanent = false;
    let messageId = '';
    if (!params.success) {
      [failure, permanent] = ['The message could not be read (unknown kind or wording)', true];
    } else if (row.linkSealed && !link) {
      [failure, permanent] = [
        'Its link could not be unsealed: LINK_SEALING_KEY is not the key it was sealed with',
        true,
      ];
    } else {
      try {
        ({ messageId } = await transport.send(renderMail(row.toAddress, params.data, link)));
      } catch (err) {
        failure = describe(err);
      }
    }
    const givenUp = failure !== undefined && (permanent || row.attempts >= maxAttempts);
    await withTenant(db, row.orgId, async (tx) => {
      if (failure === undefined) await repo.markSent(tx, row.orgId, row.id, messageId);
      else if (givenUp) await repo.markFailed(tx, row.orgId, row.id, failure);
      else {
        const next = new Date(Date.now() + retryDelaySeconds(row.attempts) * 1000);
        await repo.markRetry(tx, row.orgId, row.id, failure, next);
      }
      const about = { entityType: row.entityType, entityId: row.entityId };
      if (failure === undefined) {
        await appendAuditEvent(tx, row.orgId, SYSTEM_ACTOR, {
          action: 'mail.sent',
          entityType: 'mail',
          entityId: row.id,
          payload: { kind: row.kind, about, attempts: row.attempts },
        });
      } else if (givenUp) {
        await appendAuditEvent(tx, row.orgId, SYSTEM_ACTOR, {
          action: 'mail.failed',
          entityType: 'mail',
          entityId: row.id,
          payload: { kind: row.kind, about, attempts: row.attempts, error: failure },
        });
      }
    });
    if (failure === undefined) log.info({ mailId: row.id, kind: row.kind, messageId }, 'mail sent');
    else
      log.warn(
        { mailId: row.id, kind: row.kind, attempts: row.attempts, givenUp, error: failure },
        'mail not sent',
      );
  };

  /** Sends every message due now; answers how many were tried. */
  const deliverDue = async (): Promise<number> => {
    if (!transport) return 0;
    let tried = 0;
    for (;;) {
      const batch = await repo.claimDue(db, BATCH);
      for (const claimed of batch) await deliver(claimed);
      tried += batch.length;
      if (batch.length < BATCH || stopped) return tried;
    }
  };

  const tick = () => {
    if (running || !transport) return;
    running = repo
      .requeueStale(db)
      .then(deliverDue)
      .catch((err) => log.error({ err }, 'mail worker error'))
      .finally(() => {
        running = undefined;
      });
  };

  return {
    deliverDue,
    kick: () => {
      if (!stopped) tick();
    },
    start() {
      if (!transport || !stopped) return;
      stopped = false;
      timer = setInterval(tick, POLL_MS);
      timer.unref();
      tick();
    },
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      await running;
      transport?.close();
    },
  };
};

export type MailWorker = ReturnType<typeof createMailWorker>;

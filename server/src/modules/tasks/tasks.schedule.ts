import type { FastifyBaseLogger } from 'fastify';
import { overduePeriod } from '#shared/domain/tasks/schedule.js';
import type { MailParams } from '#shared/schemas/mail.js';
import { isActiveTaskStatus, todayUtc } from '#shared/schemas/tasks.js';
import type { Db, Tx } from '../../db/client.js';
import { withTenant } from '../../db/tenant.js';
import { SYSTEM_ACTOR } from '../../lib/context.js';
import { periodic } from '../../lib/periodic.js';
import type { Links } from '../assignments/assignments.links.js';
import { appendAuditEvent } from '../audit/audit-append.js';
import type { Outbox } from '../mail/mail.outbox.js';
import { findOrganizationName } from '../orgs/orgs.repo.js';
import type { UsersRepo } from '../users/users.repo.js';
import type { TaskJobs } from './tasks.jobs.js';
import * as repo from './tasks.repo.js';
import {
  claimTaskReminder,
  lastReopenedOn,
  setTaskReminderMails,
  taskScheduleOrgs,
} from './tasks-reminders.repo.js';

export interface TaskScheduleRun {
  /** Reminders e-mailed (owner and supplier counted apart). */
  reminded: number;
  /** Reminders due that nobody could be e-mailed (recorded on the task for the officer). */
  notDelivered: number;
  escalated: number;
  reopened: number;
}

interface Deps {
  db: Db;
  log: Pick<FastifyBaseLogger, 'error'>;
  outbox: Pick<Outbox, 'queue' | 'configured'>;
  links: Pick<Links, 'recipientOf' | 'liveLinkOf' | 'mailWithPortalLink'>;
  users: Pick<UsersRepo, 'findMember' | 'activeAdminEmails'>;
  jobs: Pick<TaskJobs, 'reopenExpiredRiskAcceptance'>;
  kickMail: () => void;
  publicUrl: string;
  /** An overdue task is escalated to the administrators when more than this many days overdue (config). */
  escalateAfterDays: number;
}

type Outcome = { reminded: number; notDelivered: number; escalated: number };

/**
 * The remediation task schedule (issue 10): reminders of overdue tasks to their owner and, for a
 * supplier-visible task, to the supplier through its portal link; one escalation per overdue period to the
 * organisation's administrators; risk acceptances that ran out reopened. The cadence is
 * shared/src/domain/tasks/schedule.ts. Every reminder is claimed with a unique (task, slot, audience) key in the
 * transaction that queues its e-mail and writes its audit event, so any number of API processes may run it.
 */
export const createTaskSchedule = (deps: Deps) => {
  const { db, outbox, links, users } = deps;
  const taskUrl = (id: string) => `${deps.publicUrl}/remediation/${id}`;

  /** The owner's address, when the task has an owner who is an active member and a mailer can reach them. */
  const ownerEmail = async (tx: Tx, orgId: string, ownerId: string | null) => {
    if (!ownerId || !outbox.configured) return null;
    const member = await users.findMember(tx, orgId, ownerId);
    return member && member.status === 'active' ? member.email : null;
  };

  /** Everything due for one overdue task on `today`, in one transaction under the task's lock. */
  const remindOne = async (orgId: string, id: string, today: string, now: Date): Promise<Outcome> =>
    withTenant(db, orgId, async (tx) => {
      const out: Outcome = { reminded: 0, notDelivered: 0, escalated: 0 };
      // Locked as a move locks it: a task closed a moment ago is not reminded, a move waits for us.
      const row = await repo.findTask(tx, orgId, id, { lock: true });
      if (!row || !isActiveTaskStatus(row.status)) return out;
      const period = overduePeriod(
        row.dueDate,
        await lastReopenedOn(tx, orgId, id),
        today,
        deps.escalateAfterDays,
      );
      if (!period) return out;
      const organisation = await findOrganizationName(tx, orgId);
      const audit = (action: 'task.reminded' | 'task.escalated', payload: Record<string, unknown>) =>
        appendAuditEvent(tx, orgId, SYSTEM_ACTOR, {
          action,
          entityType: 'task',
          entityId: id,
          payload,
        } as Parameters<typeof appendAuditEvent>[3]);
      const reminder = (audience: 'owner' | 'supplier'): MailParams => ({
        kind: 'task_reminder',
        audience,
        organisation,
        supplierName: row.supplierName,
        task: row.title,
        dueDate: row.dueDate,
        daysOverdue: period.daysOverdue,
      });
      const slot = `${period.start}/reminder/${period.step}`;
      const claim = (
        audience: 'owner' | 'supplier' | 'admins',
        kind: 'reminder' | 'escalation',
        s: string,
        on: string,
        delivery: 'email' | 'no_email' | 'no_link',
        recipients: string[],
      ) =>
        claimTaskReminder(tx, {
          orgId,
          taskId: id,
          slot: s,
          kind,
          audience,
          slotDate: on,
          delivery,
          recipients,
        });
      const reminded = async (audience: 'owner' | 'supplier', delivery: 'email' | 'no_email' | 'no_link') => {
        if (delivery === 'email') out.reminded++;
        else out.notDelivered++;
        await audit('task.reminded', {
          audience,
          period: period.start,
          step: period.step,
          dueDate: row.dueDate,
          daysOverdue: period.daysOverdue,
          delivery,
        });
      };

      // The owner: by e-mail with a link to the task; no owner (or no address, no mailer) is recorded instead.
      const owner = await ownerEmail(tx, orgId, row.ownerId);
      const ownerClaim = await claim(
        'owner',
        'reminder',
        slot,
        period.stepOn,
        owner ? 'email' : 'no_email',
        owner ? [owner] : [],
      );
      if (ownerClaim) {
        if (owner) {
          const { id: mailId } = await outbox.queue(tx, orgId, {
            to: owner,
            params: reminder('owner'),
            link: taskUrl(id),
            entityType: 'task',
            entityId: id,
          });
          await setTaskReminderMails(tx, orgId, ownerClaim, [mailId]);
        }
        await reminded('owner', owner ? 'email' : 'no_email');
      }

      // The supplier, for a task it sees: as a questionnaire reminder reaches it (its contact e-mail, a fresh
      // link to its portal). The link's token exists only in the sealed outbox message, never here or in a log.
      if (row.supplierVisible) {
        const recipient = await links.recipientOf(tx, orgId, row.supplierId);
        const live = recipient ? await links.liveLinkOf(tx, orgId, row.supplierId, now) : undefined;
        const delivery = !recipient ? 'no_email' : live ? 'email' : 'no_link';
        // Claimed before the link is minted: a second runner mints nothing.
        const supplierClaim = await claim(
          'supplier',
          'reminder',
          slot,
          period.stepOn,
          delivery,
          recipient && live ? [recipient] : [],
        );
        if (supplierClaim) {
          if (recipient && live) {
            const mailId = await links.mailWithPortalLink(tx, orgId, live, recipient, {
              params: reminder('supplier'),
              entityType: 'task',
              entityId: id,
            });
            await setTaskReminderMails(tx, orgId, supplierClaim, [mailId]);
          }
          await reminded('supplier', delivery);
        }
      }

      // The administrators, once per overdue period.
      if (period.escalationDue) {
        const admins = outbox.configured ? await users.activeAdminEmails(tx, orgId) : [];
        const claimed = await claim(
          'admins',
          'escalation',
          `${period.start}/escalation`,
          period.escalateOn,
          admins.length > 0 ? 'email' : 'no_email',
          admins,
        );
        if (claimed) {
          const mailIds: string[] = [];
          for (const to of admins) {
            const { id: mailId } = await outbox.queue(tx, orgId, {
              to,
              params: {
                kind: 'task_escalation',
                organisation,
                supplierName: row.supplierName,
                task: row.title,
                severity: row.severity,
                dueDate: row.dueDate,
                daysOverdue: period.daysOverdue,
                ownerName: row.ownerName,
              },
              link: taskUrl(id),
              entityType: 'task',
              entityId: id,
            });
            mailIds.push(mailId);
          }
          if (mailIds.length > 0) await setTaskReminderMails(tx, orgId, claimed, mailIds);
          out.escalated++;
          await audit('task.escalated', {
            period: period.start,
            dueDate: row.dueDate,
            daysOverdue: period.daysOverdue,
            afterDays: deps.escalateAfterDays,
            delivery: admins.length > 0 ? 'email' : 'no_email',
            recipients: admins.length,
          });
        }
      }
      return out;
    });

  /** All the task work due in one organisation. */
  const runOrg = async (orgId: string, today: string, now: Date, totals: TaskScheduleRun) => {
    const { overdue, expired } = await withTenant(db, orgId, async (tx) => ({
      overdue: await repo.listOverdue(tx, orgId, today),
      expired: await repo.listExpiredRiskAcceptances(tx, orgId, today),
    }));
    // Expiries first: a reopened task whose due date has passed is reminded in the same run.
    for (const { id } of expired) {
      try {
        if (await deps.jobs.reopenExpiredRiskAcceptance(orgId, id, today)) totals.reopened++;
      } catch (err) {
        deps.log.error({ err, orgId, taskId: id }, 'task risk-acceptance expiry failed');
      }
    }
    const again =
      expired.length > 0 ? await withTenant(db, orgId, (tx) => repo.listOverdue(tx, orgId, today)) : overdue;
    // One task that keeps failing must not hold up the rest: each runs in its own transaction, and a failure
    // is logged (by id, never an address or a link) and retried next run.
    for (const { id } of again) {
      try {
        const done = await remindOne(orgId, id, today, now);
        totals.reminded += done.reminded;
        totals.notDelivered += done.notDelivered;
        totals.escalated += done.escalated;
      } catch (err) {
        deps.log.error({ err, orgId, taskId: id }, 'task reminder failed');
      }
    }
  };

  /** Runs everything due at `now` across organisations; one organisation's failure does not stop the rest. */
  const runDue = async (now = new Date()): Promise<TaskScheduleRun> => {
    const today = todayUtc(now);
    const totals: TaskScheduleRun = { reminded: 0, notDelivered: 0, escalated: 0, reopened: 0 };
    for (const orgId of await taskScheduleOrgs(db, today)) {
      try {
        await runOrg(orgId, today, now, totals);
      } catch (err) {
        deps.log.error({ err, orgId }, 'task schedule failed for an organisation');
      }
    }
    if (totals.reminded + totals.escalated > 0) deps.kickMail();
    return totals;
  };

  return { runDue, ...periodic(runDue, deps.log, 'task schedule') };
};
export type TaskSchedule = ReturnType<typeof createTaskSchedule>;

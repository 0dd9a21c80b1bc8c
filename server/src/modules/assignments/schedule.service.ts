import type { FastifyBaseLogger } from 'fastify';
import {
  addDays,
  DEFAULT_RECURRENCE_LEAD_DAYS,
  dueReminderSlot,
  nextRecurrence,
  scheduleWindow,
  utcDay,
} from '#shared/domain/questionnaires/schedule.js';
import { isOpenAssignmentStatus } from '#shared/schemas/assignments.js';
import type { QuestionnaireSchedule } from '#shared/schemas/policy.js';
import type { Db, Tx } from '../../db/client.js';
import { withTenant } from '../../db/tenant.js';
import { SYSTEM_ACTOR } from '../../lib/context.js';
import { periodic } from '../../lib/periodic.js';
import type { ReassessSuppliers } from '../assessments/assessments.reassess.js';
import { appendAuditEvent } from '../audit/audit-append.js';
import type { PoliciesRepo } from '../policies/policies.repo.js';
import type { SuppliersRepo } from '../suppliers/suppliers.repo.js';
import type { TemplatesRepo } from '../templates/templates.repo.js';
import type { Links } from './assignments.links.js';
import { linkStateOf, recurrenceOf } from './assignments.mapping.js';
import * as repo from './assignments.repo.js';
import { claimReminder, setReminderMail } from './reminders.repo.js';

/** The widest window any valid policy schedule can need (QuestionnaireScheduleSchema's bounds). */
const MAX_DAYS_BEFORE = 90;
const MAX_DAYS_AFTER = 1 + 51 * 90;

export interface ScheduleRun {
  reminded: number;
  /** Reminders due with no e-mail to send them to (recorded for the officer). */
  noEmail: number;
  recurred: number;
  expired: number;
}

interface Deps {
  db: Db;
  log: Pick<FastifyBaseLogger, 'error'>;
  links: Links;
  kickMail: () => void;
  policies: Pick<PoliciesRepo, 'findPublishedPolicy'>;
  suppliers: Pick<SuppliersRepo, 'findSupplier'>;
  templates: Pick<TemplatesRepo, 'findTemplate' | 'findPublishedInFamily'>;
  reassess: ReassessSuppliers;
  /** Each supplier's accepted, unexpired answers (the assignments repo's acceptedCriterionAnswers). */
  acceptedAnswers: typeof repo.acceptedCriterionAnswers;
}

/**
 * The questionnaire schedule: reminders of open questionnaires, re-sending recurring ones, and rescoring
 * suppliers whose accepted answers expired. Every step claims its work with a unique key or a guarded update
 * in the transaction that does it (and queues its e-mail and audit event), so any number of API processes may
 * run it at once and each reminder, recurrence and expiry happens exactly once.
 */
export const createQuestionnaireSchedule = (deps: Deps) => {
  const { db, links, policies } = deps;

  /** One reminder, in its own transaction; answers what it did. */
  const remindOne = async (
    orgId: string,
    id: string,
    schedule: QuestionnaireSchedule | undefined,
    now: Date,
  ): Promise<'email' | 'no_email' | undefined> =>
    withTenant(db, orgId, async (tx) => {
      // Locked as the portal's writes lock it: a submit either came first (no reminder) or waits for us.
      await repo.lockAssignment(tx, orgId, id);
      const row = await repo.findAssignment(tx, orgId, id);
      if (!row || !isOpenAssignmentStatus(row.status)) return undefined;
      if (linkStateOf(row, now) !== 'live' || !schedule) return undefined;
      // An archived supplier is no longer asked for anything (archiving does not withdraw its links).
      const supplier = await deps.suppliers.findSupplier(tx, orgId, row.supplierId);
      if (!supplier || supplier.archivedAt) return undefined;
      const slot = dueReminderSlot(schedule, row.dueDate, utcDay(row.sentAt), utcDay(now));
      if (!slot) return undefined;
      const recipient = await links.recipientOf(tx, orgId, row.supplierId);
      const delivery = recipient ? 'email' : 'no_email';
      const claimed = await claimReminder(tx, {
        orgId,
        assignmentId: id,
        slot: slot.slot,
        kind: slot.kind,
        slotDate: slot.on,
        delivery,
        recipient,
      });
      if (!claimed) return undefined;
      if (recipient) {
        const mailId = await links.remind(tx, orgId, row, recipient, slot.kind === 'overdue');
        await setReminderMail(tx, orgId, claimed, mailId);
      }
      await appendAuditEvent(tx, orgId, SYSTEM_ACTOR, {
        action: 'assignment.reminded',
        entityType: 'assignment',
        entityId: id,
        payload: {
          supplierId: row.supplierId,
          slot: slot.slot,
          kind: slot.kind,
          dueDate: row.dueDate,
          delivery,
        },
      });
      return delivery;
    });

  /** Re-sends one recurring questionnaire if its day has come; true when this runner did. */
  const recurOne = async (
    orgId: string,
    prev: Awaited<ReturnType<typeof repo.listRecurring>>[number],
    leadDays: number,
    today: string,
  ): Promise<boolean> => {
    const recurrence = recurrenceOf(prev);
    if (!recurrence || !prev.validUntil) return false;
    const next = nextRecurrence(recurrence, { dueDate: prev.dueDate, validUntil: prev.validUntil }, leadDays);
    if (today < next.sendOn) return false;
    return withTenant(db, orgId, async (tx) => {
      // Locked as stopping the recurrence locks it: a stop that came first leaves nothing to send.
      await repo.lockAssignment(tx, orgId, prev.id);
      const row = await repo.findAssignment(tx, orgId, prev.id);
      if (!row || !recurrenceOf(row)) return false;
      const supplier = await deps.suppliers.findSupplier(tx, orgId, row.supplierId);
      const sent = await deps.templates.findTemplate(tx, orgId, row.templateId);
      const template = sent && (await deps.templates.findPublishedInFamily(tx, orgId, sent.familyId));
      // Nothing to send to (archived) or with (no published version): it stays due and is tried again.
      if (!supplier || supplier.archivedAt || !template) return false;
      // A run that comes late (the server was down) still gives the supplier its lead time.
      const dueDate = next.dueDate > today ? next.dueDate : addDays(today, Math.max(leadDays, 1));
      const id = crypto.randomUUID();
      const inserted = await repo.insertRecurrence(tx, {
        id,
        orgId,
        supplierId: row.supplierId,
        templateId: template.id,
        dueDate,
        message: row.message,
        recurrence: row.recurrence,
        recurrenceMonths: row.recurrenceMonths,
        previousId: row.id,
        createdBy: null,
      });
      if (!inserted) return false;
      // No e-mail to carry it (no contact e-mail, or no mailer): the questionnaire is still due, so it is
      // created (the recurrence goes on, and the officer sees it in the list), but no link is minted. A link
      // minted here could never be shown to anyone (the officer sees one only in the answer that creates it),
      // so it would be a live credential nobody holds, and the trail would claim a hand-over that never
      // happened. Instead the assignment shows its link as not issued, the audit event says `no_email`, and the
      // officer's "re-issue link" mints one and hands it over (portalUrl) when they are ready to pass it on.
      const recipient = await links.recipientOf(tx, orgId, row.supplierId);
      let delivery: 'email' | 'no_email' = 'no_email';
      if (recipient) {
        const link = await links.invite(
          tx,
          orgId,
          {
            id,
            supplierId: row.supplierId,
            supplierName: row.supplierName,
            templateId: template.id,
            dueDate,
            message: row.message,
          },
          'invitation',
          { recurring: true },
        );
        await repo.setLinkState(tx, orgId, id, link);
        delivery = link.delivery === 'email' ? 'email' : 'no_email';
      }
      await appendAuditEvent(tx, orgId, SYSTEM_ACTOR, {
        action: 'assignment.recurred',
        entityType: 'assignment',
        entityId: id,
        payload: {
          supplierId: row.supplierId,
          previousId: row.id,
          templateId: template.id,
          templateVersion: template.version ?? 0,
          dueDate,
          delivery,
        },
      });
      return true;
    });
  };

  /** Deals with one expiry: rescores the supplier unless newer accepted answers count; true when done here. */
  const expireOne = async (
    orgId: string,
    item: { id: string; supplierId: string; validUntil: string | null },
    today: string,
  ) =>
    withTenant(db, orgId, async (tx) => {
      if (!(await repo.markExpiryHandled(tx, orgId, item.id))) return false;
      // As accept takes it (after the assignment's row, which marking it just locked): an acceptance of newer
      // answers under way finishes first, and then counts below.
      await repo.lockSupplierAnswers(tx, orgId, item.supplierId);
      const row = await repo.findAssignment(tx, orgId, item.id);
      const stillCovered = (await deps.acceptedAnswers(tx, orgId, today, [item.supplierId])).size > 0;
      let rescored = false;
      if (row && !stillCovered) {
        const accepted = row.acceptedAt ? utcDay(row.acceptedAt) : 'an earlier day';
        const written = await deps.reassess(
          tx,
          { orgId, actor: SYSTEM_ACTOR },
          [item.supplierId],
          'answers_expired',
          `answers to questionnaire "${row.templateName}" (v${row.templateVersion}), accepted on ${accepted}, expired after ${item.validUntil}`,
        );
        rescored = written.length > 0;
      }
      await appendAuditEvent(tx, orgId, SYSTEM_ACTOR, {
        action: 'assignment.answers_expired',
        entityType: 'assignment',
        entityId: item.id,
        payload: { supplierId: item.supplierId, validUntil: item.validUntil ?? '', rescored },
      });
      return true;
    });

  const schedulePolicy = async (tx: Tx, orgId: string) => {
    const doc = (await policies.findPublishedPolicy(tx, orgId))?.document;
    return { schedule: doc?.questionnaireSchedule };
  };

  /** All the work due in one organisation. */
  const runOrg = async (orgId: string, now: Date, totals: ScheduleRun) => {
    const today = utcDay(now);
    const { schedule, remindable, recurring, expired } = await withTenant(db, orgId, async (tx) => {
      const { schedule } = await schedulePolicy(tx, orgId);
      const window = schedule && scheduleWindow(schedule);
      return {
        schedule,
        remindable: window
          ? await repo.listRemindable(
              tx,
              orgId,
              addDays(today, -window.daysAfter),
              addDays(today, window.daysBefore),
              now,
            )
          : [],
        recurring: await repo.listRecurring(tx, orgId),
        expired: await repo.listExpiredUnhandled(tx, orgId, today),
      };
    });
    // One item that keeps failing must not hold up the rest (an expiry behind a broken reminder would leave
    // expired answers counting): each runs in its own transaction, and a failure is logged and retried next run.
    const each = async <T extends { id: string }>(items: readonly T[], work: (item: T) => Promise<void>) => {
      for (const item of items) {
        try {
          await work(item);
        } catch (err) {
          deps.log.error({ err, orgId, assignmentId: item.id }, 'questionnaire schedule item failed');
        }
      }
    };
    await each(remindable, async (r) => {
      const done = await remindOne(orgId, r.id, schedule, now);
      if (done === 'email') totals.reminded++;
      if (done === 'no_email') totals.noEmail++;
    });
    const lead = schedule?.recurrenceLeadDays ?? DEFAULT_RECURRENCE_LEAD_DAYS;
    await each(recurring, async (r) => {
      if (await recurOne(orgId, r, lead, today)) totals.recurred++;
    });
    await each(expired, async (e) => {
      if (await expireOne(orgId, e, today)) totals.expired++;
    });
  };

  /** Runs everything due at `now` across organisations; one organisation's failure does not stop the rest. */
  const runDue = async (now = new Date()): Promise<ScheduleRun> => {
    const today = utcDay(now);
    const totals: ScheduleRun = { reminded: 0, noEmail: 0, recurred: 0, expired: 0 };
    const orgs = await repo.scheduleOrgs(
      db,
      addDays(today, -MAX_DAYS_AFTER),
      addDays(today, MAX_DAYS_BEFORE),
      today,
    );
    for (const orgId of orgs) {
      try {
        await runOrg(orgId, now, totals);
      } catch (err) {
        deps.log.error({ err, orgId }, 'questionnaire schedule failed for an organisation');
      }
    }
    if (totals.reminded + totals.recurred > 0) deps.kickMail();
    return totals;
  };

  return { runDue, ...periodic(runDue, deps.log, 'questionnaire schedule') };
};
export type ScheduleRunner = ReturnType<typeof createQuestionnaireSchedule>;

import { type ReminderSlot, reminderSlots, utcDay } from '#shared/domain/questionnaires/schedule.js';
import {
  type Assignment,
  type AssignmentReminders,
  isOpenAssignmentStatus,
} from '#shared/schemas/assignments.js';
import type { QuestionnaireSchedule } from '#shared/schemas/policy.js';
import type { TemplateDefinition } from '#shared/schemas/questionnaires.js';
import type { Tx } from '../../db/client.js';
import type { PoliciesRepo } from '../policies/policies.repo.js';
import type { DefinitionOf } from './assignments.definitions.js';
import { linkStateOf, toAssignment } from './assignments.mapping.js';
import * as repo from './assignments.repo.js';
import { listReminders, type ReminderRow } from './reminders.repo.js';

/**
 * The next reminder the schedule will send: among the slots after the last one sent, today's if a runner has
 * not got to it yet, else the next to come. None for a questionnaire no longer open, whose links are revoked
 * or expired, or under a policy without a schedule.
 */
export const plannedReminder = (
  r: repo.AssignmentRow,
  schedule: QuestionnaireSchedule | undefined,
  sentSlots: ReadonlySet<string>,
  now: Date,
): ReminderSlot | null => {
  if (!schedule || !isOpenAssignmentStatus(r.status) || linkStateOf(r, now) !== 'live') return null;
  const today = utcDay(now);
  const slots = reminderSlots(schedule, r.dueDate, utcDay(r.sentAt));
  const after = slots.slice(slots.findLastIndex((s) => sentSlots.has(s.slot)) + 1);
  return after.findLast((s) => s.on <= today) ?? after.find((s) => s.on > today) ?? null;
};

const toReminders = (
  r: repo.AssignmentRow,
  rows: readonly ReminderRow[],
  schedule: QuestionnaireSchedule | undefined,
  now: Date,
): AssignmentReminders => {
  const next = plannedReminder(r, schedule, new Set(rows.map((x) => x.slot)), now);
  return {
    sent: rows.map((x) => ({
      slot: x.slot,
      kind: x.kind,
      slotDate: x.slotDate,
      delivery: x.delivery,
      recipient: x.recipient,
      mailStatus: x.mailStatus,
      createdAt: x.createdAt.toISOString(),
    })),
    next: next && { slot: next.slot, kind: next.kind, on: next.on },
  };
};

/**
 * One assignment as the API shows it, from what the caller has already read: its answers and reminders and
 * the published policy's schedule (the review reads them in the same round trip as the row).
 */
export const presentRead = (
  r: repo.AssignmentRow,
  definition: TemplateDefinition,
  answers: readonly repo.AnswerRow[],
  reminders: readonly ReminderRow[],
  schedule: QuestionnaireSchedule | undefined,
  now = new Date(),
): Assignment => toAssignment(r, definition, answers, toReminders(r, reminders, schedule, now));

/**
 * Assignments as the API shows them: progress from their answers, the reminders sent and the next one
 * planned (under the published policy's schedule), the recurrence. One query each for answers and reminders.
 */
export const createPresenter =
  ({
    definitionOf,
    policies,
  }: {
    definitionOf: DefinitionOf;
    policies: Pick<PoliciesRepo, 'findPublishedPolicy'>;
  }) =>
  async (
    tx: Tx,
    orgId: string,
    rows: readonly repo.AssignmentRow[],
    now = new Date(),
  ): Promise<Assignment[]> => {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    // One round trip on PostgreSQL: independent reads sent together are pipelined on the connection.
    const [answers, reminders, policy] = await Promise.all([
      repo.listAnswers(tx, orgId, ids),
      listReminders(tx, orgId, ids),
      policies.findPublishedPolicy(tx, orgId),
    ]);
    return Promise.all(
      rows.map(async (r) =>
        presentRead(
          r,
          await definitionOf(tx, orgId, r.templateId),
          answers.filter((x) => x.assignmentId === r.id),
          reminders.filter((x) => x.assignmentId === r.id),
          policy?.document.questionnaireSchedule,
          now,
        ),
      ),
    );
  };
export type Present = ReturnType<typeof createPresenter>;

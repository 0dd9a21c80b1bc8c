import { answerProgress } from '#shared/domain/questionnaires/progress.js';
import {
  type Assignment,
  type AssignmentReminders,
  isOpenAssignmentStatus,
  type PortalLinkState,
  type Recurrence,
} from '#shared/schemas/assignments.js';
import type { AnswerMap } from '#shared/schemas/questionnaire-answers.js';
import type { TemplateDefinition } from '#shared/schemas/questionnaires.js';
import { LocaleSchema } from '#shared/schemas/questionnaires.js';
import type { AnswerRow, AssignmentRow } from './assignments.repo.js';

export const answerMapOf = (rows: readonly Pick<AnswerRow, 'questionId' | 'value'>[]): AnswerMap =>
  Object.fromEntries(rows.map((r) => [r.questionId, r.value as AnswerMap[string]]));

/** Past its due date and still waiting for the supplier (sent, in progress, or returned to them). */
export const isOverdue = (r: Pick<AssignmentRow, 'status' | 'dueDate'>, now = new Date()) =>
  isOpenAssignmentStatus(r.status) && r.dueDate < now.toISOString().slice(0, 10);

/**
 * The link state of a row already read, as the officer is shown it and the schedule decides on it (at the
 * caller's clock). No expiry means no link was ever minted (every mint sets one): see the schedule's recurrence.
 * The rule's source of truth is `linkStateSql` (assignments.repo.ts): keep the two alike.
 */
export const linkStateOf = (
  r: Pick<AssignmentRow, 'linkRevokedAt' | 'linkExpiresAt'>,
  now = new Date(),
): PortalLinkState =>
  r.linkRevokedAt ? 'revoked' : !r.linkExpiresAt ? 'not_issued' : r.linkExpiresAt > now ? 'live' : 'expired';

/** A stored recurrence as the contract says it (null: sent once). */
export const recurrenceOf = (r: {
  recurrence: AssignmentRow['recurrence'] | null;
  recurrenceMonths: number | null;
}): Recurrence | null =>
  r.recurrence === 'on_expiry'
    ? { kind: 'on_expiry' }
    : r.recurrence === 'every_months' && r.recurrenceMonths
      ? { kind: 'every_months', months: r.recurrenceMonths }
      : null;

const NO_REMINDERS: AssignmentReminders = { sent: [], next: null };

export const toAssignment = (
  r: AssignmentRow,
  definition: TemplateDefinition,
  answers: readonly AnswerRow[],
  reminders: AssignmentReminders = NO_REMINDERS,
): Assignment => ({
  id: r.id,
  supplierId: r.supplierId,
  supplierName: r.supplierName,
  templateId: r.templateId,
  templateName: r.templateName,
  templateVersion: r.templateVersion,
  status: r.status,
  dueDate: r.dueDate,
  overdue: isOverdue(r),
  message: r.message,
  locale: LocaleSchema.safeParse(r.locale).data ?? null,
  progress: answerProgress(definition, answerMapOf(answers)),
  link: {
    state: linkStateOf(r),
    expiresAt: r.linkExpiresAt?.toISOString() ?? null,
    recipient: r.linkRecipient,
  },
  reminders,
  recurrence: recurrenceOf(r),
  previousId: r.previousId,
  nextId: r.nextId,
  sentAt: r.sentAt.toISOString(),
  submittedAt: r.submittedAt?.toISOString() ?? null,
  acceptedAt: r.acceptedAt?.toISOString() ?? null,
  validUntil: r.validUntil ?? null,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
  revision: r.revision,
});

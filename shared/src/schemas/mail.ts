import { z } from 'zod';
import { IdSchema, PageQuerySchema, pageOf } from './common.js';

// WARNING: queued messages keep their params as JSON until they are sent. Add kinds and fields; never rename
// or re-mean one while messages may still be waiting.

/** What a message is; each kind has its own wording (server/src/modules/mail/mail.render.ts). */
export const MAIL_KINDS = [
  'user_invitation',
  'user_added',
  'password_reset',
  'questionnaire_invitation',
  'questionnaire_reminder',
  'task_reminder',
  'task_escalation',
] as const;
export const MailKindSchema = z.enum(MAIL_KINDS);
export type MailKind = z.infer<typeof MailKindSchema>;

/** What each kind's wording needs besides its secret link (which is sealed apart). */
export const MailParamsSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('user_invitation'),
    organisation: z.string(),
    inviterName: z.string(),
    role: z.string(),
    expiresAt: z.string(),
  }),
  z.object({
    kind: z.literal('user_added'),
    organisation: z.string(),
    inviterName: z.string(),
    role: z.string(),
  }),
  z.object({ kind: z.literal('password_reset'), organisation: z.string(), expiresAt: z.string() }),
  z.object({
    kind: z.literal('questionnaire_invitation'),
    organisation: z.string(),
    supplierName: z.string(),
    questionnaire: z.string(),
    dueDate: z.string(),
    message: z.string(),
    /** A re-issued link (the earlier one stopped working). */
    reissued: z.boolean(),
    /** Sent by the schedule because the previous answers expire (absent on older messages: false). */
    recurring: z.boolean().optional(),
  }),
  z.object({
    kind: z.literal('questionnaire_reminder'),
    organisation: z.string(),
    supplierName: z.string(),
    questionnaire: z.string(),
    dueDate: z.string(),
    /** Past its due date (else due soon). */
    overdue: z.boolean(),
  }),
  /** An overdue remediation task: to its owner (a link into the dashboard) or to the supplier (its portal). */
  z.object({
    kind: z.literal('task_reminder'),
    audience: z.enum(['owner', 'supplier']),
    organisation: z.string(),
    supplierName: z.string(),
    task: z.string(),
    dueDate: z.string(),
    /** Whole days past the due date on the day of the reminder. */
    daysOverdue: z.number().int(),
  }),
  /** An overdue remediation task escalated to the organisation's administrators. */
  z.object({
    kind: z.literal('task_escalation'),
    organisation: z.string(),
    supplierName: z.string(),
    task: z.string(),
    severity: z.string(),
    dueDate: z.string(),
    daysOverdue: z.number().int(),
    /** The owner's name, or null when the task has none. */
    ownerName: z.string().nullable(),
  }),
]);
export type MailParams = z.infer<typeof MailParamsSchema>;

export const MAIL_STATUSES = ['queued', 'sending', 'sent', 'failed', 'not_sent'] as const;
export const MailStatusSchema = z.enum(MAIL_STATUSES);

/**
 * One message as the dashboard shows it: to whom, about what, and how its delivery went. Never its body or
 * link. `failed` is a message given up after its last attempt; `not_sent` one queued while no mailer was
 * configured (the link was handed to the person who caused it instead).
 */
export const OutboxMessageSchema = z.object({
  id: IdSchema,
  kind: MailKindSchema,
  to: z.string(),
  entityType: z.string(),
  entityId: IdSchema,
  status: MailStatusSchema,
  attempts: z.number().int(),
  /** When the next attempt is due (queued messages). */
  nextAttemptAt: z.string().nullable(),
  lastError: z.string().nullable(),
  sentAt: z.string().nullable(),
  createdAt: z.string(),
});
export type OutboxMessage = z.infer<typeof OutboxMessageSchema>;

export const OutboxQuerySchema = PageQuerySchema.extend({
  status: MailStatusSchema.optional(),
  entityType: z.enum(['user', 'assignment', 'task']).optional(),
  entityId: IdSchema.optional(),
});
export type OutboxQuery = z.infer<typeof OutboxQuerySchema>;

export const OutboxPageSchema = pageOf(OutboxMessageSchema);

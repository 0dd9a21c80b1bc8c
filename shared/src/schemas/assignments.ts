import { z } from 'zod';
import { IdSchema, memberOf, PageQuerySchema, pageOf, text } from './common.js';
import { EvidenceFileSchema } from './evidence.js';
import { LocaleSchema } from './questionnaires.js';
import { RevisionSchema } from './revision.js';

// Sending a questionnaire: one assignment per supplier, pointing at the exact published template version it
// was sent with, reached by the supplier through a secret link (only its hash is stored).

export const ASSIGNMENT_STATUSES = ['sent', 'in_progress', 'submitted', 'returned', 'accepted'] as const;
export const AssignmentStatusSchema = z.enum(ASSIGNMENT_STATUSES);
export type AssignmentStatus = z.infer<typeof AssignmentStatusSchema>;

/** The statuses in which a questionnaire waits for the supplier: sent, being answered, or returned to them. */
export const OPEN_ASSIGNMENT_STATUSES = [
  'sent',
  'in_progress',
  'returned',
] as const satisfies readonly AssignmentStatus[];
export type OpenAssignmentStatus = (typeof OPEN_ASSIGNMENT_STATUSES)[number];
export const isOpenAssignmentStatus = memberOf(OPEN_ASSIGNMENT_STATUSES);

const DueDateSchema = z.iso.date({ message: 'Use a date as YYYY-MM-DD' });

/**
 * A questionnaire that is sent again once accepted: before the accepted answers expire (`on_expiry`, the
 * policy's answer validity), or every `months` after the previous due date. The schedule re-sends it to the
 * template's latest published version, `recurrenceLeadDays` (policy) before the new due date.
 */
export const RecurrenceSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('on_expiry') }),
    z.object({
      kind: z.literal('every_months'),
      months: z.number().int('Use whole months').min(1, 'At least 1 month').max(60, 'At most 60 months'),
    }),
  ],
  { error: "Choose 'on_expiry' or 'every_months'" },
);
export type Recurrence = z.infer<typeof RecurrenceSchema>;

/** `POST /api/assignments`: send a published template version to one or many suppliers. */
export const AssignmentCreateSchema = z.object({
  templateId: IdSchema,
  // Lower-cased before the duplicate check: a UUID is the same id in either case (PostgreSQL compares them so),
  // and an upper- and a lower-case copy of one must not send the supplier two questionnaires.
  supplierIds: z
    .array(IdSchema.toLowerCase())
    .min(1, 'Choose at least one supplier')
    .max(1000, 'At most 1,000 suppliers at once')
    .refine((ids) => new Set(ids).size === ids.length, 'Each supplier at most once'),
  dueDate: DueDateSchema,
  /** Shown to the supplier above the questionnaire and in the e-mail. */
  message: text(2000, { multiline: true }).default(''),
  /** Send it again automatically once accepted (absent or null: once only). */
  recurrence: RecurrenceSchema.nullish(),
});
export type AssignmentCreate = z.infer<typeof AssignmentCreateSchema>;

/**
 * Whether a supplier's link opens its questionnaire: `live`, or no longer (`expired`, or `revoked` on purpose).
 * `not_issued`: no link exists yet (a recurring questionnaire re-sent to a supplier with no e-mail on file):
 * the officer re-issues the link to get one and passes it on.
 */
export const PortalLinkStateSchema = z.enum(['live', 'expired', 'revoked', 'not_issued']);
export type PortalLinkState = z.infer<typeof PortalLinkStateSchema>;

/** The link's state as the officer sees it (never the link itself, after the answer that created it). */
export const PortalLinkSchema = z.object({
  state: PortalLinkStateSchema,
  expiresAt: z.string().nullable(),
  /** Where the link went: e-mailed to this contact, or handed to the officer (no contact e-mail, no mailer). */
  recipient: z.string().nullable(),
});

/**
 * A reminder of an open questionnaire: e-mailed (`email`, with the address), or due but not sent because the
 * supplier has no e-mail on file (`no_email`: the officer passes it on, e.g. by re-issuing the link).
 */
export const ReminderSchema = z.object({
  slot: z.string(),
  kind: z.enum(['due_soon', 'overdue']),
  /** The schedule's day for it. */
  slotDate: z.string(),
  delivery: z.enum(['email', 'no_email']),
  recipient: z.string().nullable(),
  /** The e-mail's state in the outbox (null when none was sent). */
  mailStatus: z.enum(['queued', 'sending', 'sent', 'failed', 'not_sent']).nullable(),
  createdAt: z.string(),
});
export type Reminder = z.infer<typeof ReminderSchema>;

/** What the officer sees of the reminders: those sent or due so far, newest first, and the next one planned. */
export const AssignmentRemindersSchema = z.object({
  sent: z.array(ReminderSchema),
  /** Null when none is planned: not open, link revoked or expired, the schedule is done, or the policy has none. */
  next: z.object({ slot: z.string(), kind: z.enum(['due_soon', 'overdue']), on: z.string() }).nullable(),
});
export type AssignmentReminders = z.infer<typeof AssignmentRemindersSchema>;

export const AssignmentSchema = z.object({
  id: IdSchema,
  supplierId: IdSchema,
  supplierName: z.string(),
  templateId: IdSchema,
  templateName: z.string(),
  templateVersion: z.number().int(),
  status: AssignmentStatusSchema,
  dueDate: z.string(),
  overdue: z.boolean(),
  message: z.string(),
  /** The language the supplier chose in the portal, once they did. */
  locale: LocaleSchema.nullable(),
  progress: z.object({ answered: z.number().int(), required: z.number().int(), percent: z.number().int() }),
  link: PortalLinkSchema,
  reminders: AssignmentRemindersSchema,
  recurrence: RecurrenceSchema.nullable(),
  /** The questionnaire this one re-sends, and the one that re-sent it (recurrence). */
  previousId: IdSchema.nullable(),
  nextId: IdSchema.nullable(),
  sentAt: z.string(),
  submittedAt: z.string().nullable(),
  /** When an officer accepted the answers, and until when they count in scoring (YYYY-MM-DD). */
  acceptedAt: z.string().nullable(),
  validUntil: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  revision: RevisionSchema,
});
export type Assignment = z.infer<typeof AssignmentSchema>;

/**
 * A created assignment, or one whose link was re-issued. `portalUrl` is present only when no e-mail could
 * carry the link (no mailer, or the supplier has no contact e-mail): shown once, for the officer to pass on.
 */
export const AssignmentIssuedSchema = AssignmentSchema.extend({
  delivery: z.enum(['email', 'handed_over']),
  portalUrl: z.string().optional(),
});
export type AssignmentIssued = z.infer<typeof AssignmentIssuedSchema>;

export const AssignmentsCreatedSchema = z.object({ items: z.array(AssignmentIssuedSchema) });

export const AssignmentsQuerySchema = PageQuerySchema.extend({
  status: AssignmentStatusSchema.optional(),
  supplierId: IdSchema.optional(),
  templateId: IdSchema.optional(),
  overdue: z.enum(['true', 'false']).optional(),
});
export type AssignmentsQuery = z.infer<typeof AssignmentsQuerySchema>;

export const AssignmentPageSchema = pageOf(AssignmentSchema);

/** `POST /api/assignments/:id/accept`: which answers' evidence the officer accepted (they count in full). */
export const AssignmentAcceptSchema = z.object({
  revision: RevisionSchema.optional(),
  evidenceAccepted: z.array(z.string().min(1).max(64)).max(300).default([]),
});
export type AssignmentAccept = z.infer<typeof AssignmentAcceptSchema>;

/** `POST /api/assignments/:id/return`: what the supplier should look at again, per question id. */
export const AssignmentReturnSchema = z.object({
  revision: RevisionSchema.optional(),
  comments: z
    .record(z.string().min(1).max(64), text(1000, { multiline: true }).min(1, 'Write what to change'))
    .refine((c) => Object.keys(c).length > 0, 'Comment on at least one question')
    .refine((c) => Object.keys(c).length <= 300, 'At most 300 comments'),
});
export type AssignmentReturn = z.infer<typeof AssignmentReturnSchema>;

export const FINDING_KINDS = ['criterion', 'red_flag'] as const;
export const FindingSchema = z.object({
  id: IdSchema,
  supplierId: IdSchema,
  assignmentId: IdSchema.nullable(),
  assessmentId: IdSchema,
  kind: z.enum(FINDING_KINDS),
  key: z.string(),
  title: z.string(),
  detail: z.string(),
  severity: z.enum(['low', 'medium', 'high', 'critical']),
  questionId: z.string().nullable(),
  citation: z.string(),
  status: z.enum(['open', 'closed', 'risk_accepted']),
  createdAt: z.string(),
});
export type Finding = z.infer<typeof FindingSchema>;

/** What accepting did: the assessment it led to and the findings it opened. */
export const AssignmentAcceptedSchema = z.object({
  assignment: AssignmentSchema,
  assessment: z.object({
    id: IdSchema,
    rating: z.string(),
    residualScore: z.number(),
    controlScore: z.number(),
  }),
  findings: z.array(FindingSchema),
});

/** One answer as the officer reviews it: the value, and how it reads in the template's default locale. */
export const ReviewAnswerSchema = z.object({
  questionId: z.string(),
  value: z.union([z.string(), z.number(), z.array(z.string())]),
  label: z.string(),
  /** Hidden by the supplier's other answers: kept, but not scored. */
  counted: z.boolean(),
  updatedAt: z.string(),
});

/** `GET /api/assignments/:id/answers`: everything the review page needs besides the template. */
export const AssignmentAnswersSchema = z.object({
  assignment: AssignmentSchema,
  answers: z.array(ReviewAnswerSchema),
  reviewComments: z.record(z.string(), z.string()),
  findings: z.array(FindingSchema),
  /** The files the supplier uploaded, each with its SHA-256 (download: /api/assignments/:id/evidence/:fileId). */
  evidence: z.array(EvidenceFileSchema),
});

export const AssignmentEvidenceParamsSchema = z.object({ id: IdSchema, fileId: IdSchema });

/** `GET /api/assignments/coverage`: how much of the supplier register has answers that still count. */
export const AnswerCoverageQuerySchema = z.object({
  /** Also count the suppliers whose answers expire within this many days (default 30). */
  expiringWithinDays: z.coerce
    .number({ error: 'Use a whole number of days' })
    .int('Use a whole number of days')
    .min(1, 'At least 1 day')
    .max(366, 'At most 366 days')
    .default(30),
});
export type AnswerCoverageQuery = z.infer<typeof AnswerCoverageQuerySchema>;

export const AnswerCoverageSchema = z.object({
  /** Suppliers not archived. */
  activeSuppliers: z.number().int(),
  /** Of them, those with accepted questionnaire answers that have not expired. */
  covered: z.number().int(),
  /** covered / activeSuppliers, 0–1 (0 with no suppliers). */
  share: z.number(),
  /** Of the covered, those whose answers expire within `expiringWithinDays`. */
  expiringSoon: z.number().int(),
  expiringWithinDays: z.number().int(),
  /** Active suppliers whose latest accepted answers have expired (and no newer ones count). */
  expired: z.number().int(),
});
export type AnswerCoverage = z.infer<typeof AnswerCoverageSchema>;

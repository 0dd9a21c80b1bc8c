import { z } from 'zod';
import { IdSchema, PageQuerySchema, pageOf, text } from './common.js';
import { LocaleSchema } from './questionnaires.js';
import { RevisionSchema } from './revision.js';

// Sending a questionnaire: one assignment per supplier, pointing at the exact published template version it
// was sent with, reached by the supplier through a secret link (only its hash is stored).

export const ASSIGNMENT_STATUSES = ['sent', 'in_progress', 'submitted', 'returned', 'accepted'] as const;
export const AssignmentStatusSchema = z.enum(ASSIGNMENT_STATUSES);
export type AssignmentStatus = z.infer<typeof AssignmentStatusSchema>;

const DueDateSchema = z.iso.date({ message: 'Use a date as YYYY-MM-DD' });

/** `POST /api/assignments`: send a published template version to one or many suppliers. */
export const AssignmentCreateSchema = z.object({
  templateId: IdSchema,
  supplierIds: z
    .array(IdSchema)
    .min(1, 'Choose at least one supplier')
    .max(1000, 'At most 1,000 suppliers at once')
    .refine((ids) => new Set(ids).size === ids.length, 'Each supplier at most once'),
  dueDate: DueDateSchema,
  /** Shown to the supplier above the questionnaire and in the e-mail. */
  message: text(2000, { multiline: true }).default(''),
});
export type AssignmentCreate = z.infer<typeof AssignmentCreateSchema>;

/** The link's state as the officer sees it (never the link itself, after the answer that created it). */
export const PortalLinkSchema = z.object({
  state: z.enum(['live', 'expired', 'revoked']),
  expiresAt: z.string().nullable(),
  /** Where the link went: e-mailed to this contact, or handed to the officer (no contact e-mail, no mailer). */
  recipient: z.string().nullable(),
});

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
  sentAt: z.string(),
  submittedAt: z.string().nullable(),
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

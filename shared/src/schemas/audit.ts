import { z } from 'zod';
import { RecurrenceSchema } from './assignments.js';
import { IdSchema, IsoDateTimeSchema, PageQuerySchema, pageOf, text } from './common.js';

// WARNING: audit payloads are hashed into a chain that must verify for years. Never rename a field of an
// existing action or change how a payload is serialised; add a new action instead. Personal fields (see
// PERSONAL_FIELDS) are stored as salted digests, `{ "$pd": "<sha256>" }`, and kept in clear beside the event
// until erased; events written before digests existed hold them in clear, and both forms must keep parsing.

export const ACTOR_TYPES = ['user', 'api_key', 'supplier_link', 'system'] as const;
export type ActorType = (typeof ACTOR_TYPES)[number];

/** A personal value that was erased on request: the digest the chain committed to stays, the value does not. */
export const ErasedValueSchema = z.object({
  erased: z.literal(true),
  erasedAt: z.string(),
  digest: z.string(),
});
export type ErasedValue = z.infer<typeof ErasedValueSchema>;

/** A personal value as the trail shows it: the text, or the mark of its erasure. */
export const PersonalTextSchema = z.union([z.string(), ErasedValueSchema]);

/** Field-level before/after of an update. */
const ChangesSchema = z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() }));
export type Changes = Record<string, { from: unknown; to: unknown }>;

/**
 * Payload schema of every action, for a personal-text schema `p`: plain strings when written, text or an
 * erasure mark when read back.
 */
const payloadsOf = <P extends z.ZodType>(p: P) => {
  const contact = z.object({ name: p, email: p.optional(), phone: p.optional() });
  return {
    'org.created': z.object({ name: z.string(), slug: z.string() }),
    'user.created': z.object({ email: p, name: p, role: z.string() }),
    'user.added_to_org': z.object({ email: p, role: z.string() }),
    'user.updated': z.object({ changes: ChangesSchema }),
    'user.password_changed': z.object({ userId: z.string(), otherSessionsEnded: z.number() }),
    'auth.login': z.object({ userId: z.string(), method: z.literal('password') }),
    'auth.logout': z.object({ userId: z.string() }),
    'auth.switched_org': z.object({ userId: z.string(), fromOrgId: z.string() }),
    'api_key.created': z.object({
      name: z.string(),
      role: z.string(),
      prefix: z.string(),
      /** Only on keys created with an end (events from before expiry existed lack it). */
      expiresAt: z.string().optional(),
    }),
    'api_key.revoked': z.object({ name: z.string(), prefix: z.string() }),
    'supplier.created': z.object({
      // The register record as created (only the fields that were set).
      supplier: z.looseObject({ name: z.string().optional(), contacts: z.array(contact).optional() }),
      importId: z.string().optional(),
    }),
    'supplier.updated': z.object({
      changes: ChangesSchema,
      importId: z.string().optional(),
      /** A tier that followed the parent chain: the supplier (above this one) whose move or tier changed it. */
      tierFollows: z.string().optional(),
    }),
    'supplier.archived': z.object({ name: z.string() }),
    'supplier.restored': z.object({ name: z.string() }),
    'supplier.import_committed': z.object({
      fileName: z.string(),
      sha256: z.string(),
      rows: z.number(),
      created: z.number(),
      updated: z.number(),
      unchanged: z.number(),
    }),
    'policy.created': z.object({ name: z.string(), basedOnId: z.string().nullable() }),
    'policy.updated': z.object({ changes: ChangesSchema }),
    'policy.published': z.object({
      name: z.string(),
      version: z.number(),
      retiredId: z.string().nullable(),
      /** The approved publish request, when the organisation requires a second admin (four-eyes). */
      requestId: z.string().optional(),
    }),
    'policy.publish_requested': z.object({
      requestId: z.string(),
      revision: z.number(),
      comment: z.string(),
    }),
    'dataset_edition.loaded': z.object({
      kind: z.string(),
      edition: z.string(),
      /** How lists name it, e.g. "ILAB 2024". */
      label: z.string(),
      publisher: z.string(),
      url: z.string(),
      publishedOn: z.string(),
      fileName: z.string(),
      sha256: z.string(),
      rows: z.number(),
    }),
    'dataset_edition.deleted': z.object({
      kind: z.string(),
      edition: z.string(),
      label: z.string(),
      sha256: z.string(),
    }),
    'policy.publish_approved': z.object({ requestId: z.string(), comment: z.string().nullable() }),
    'policy.publish_rejected': z.object({ requestId: z.string(), comment: z.string() }),
    'policy.publish_withdrawn': z.object({ requestId: z.string(), comment: z.string().nullable() }),
    /** `required: null` is the default (on with two or more active admins). */
    'org.publish_approval_set': z.object({
      required: z.boolean().nullable(),
      previous: z.boolean().nullable(),
    }),
    /** A draft deleted before it was ever published; what it was, since the row is gone. */
    'policy.deleted': z.object({ name: z.string(), basedOnId: z.string().nullable(), revision: z.number() }),
    'assessment.created': z.object({
      supplierId: z.string(),
      policyId: z.string(),
      policyVersion: z.number(),
      rating: z.string(),
      residualScore: z.number(),
      trigger: z.string(),
      /** What set it off, in words ("profile changed: goods"); absent on events written before it was kept. */
      triggerDetail: z.string().nullable().optional(),
    }),
    'job.finished': z.object({
      kind: z.string(),
      status: z.string(),
      done: z.number(),
      total: z.number(),
    }),
    /** A message left for its recipient's mail server (never its address or link: the outbox row has them). */
    'mail.sent': z.object({
      kind: z.string(),
      about: z.object({ entityType: z.string(), entityId: z.string() }),
      attempts: z.number(),
    }),
    /** A message given up after its last attempt, with the mail server's last answer. */
    'mail.failed': z.object({
      kind: z.string(),
      about: z.object({ entityType: z.string(), entityId: z.string() }),
      attempts: z.number(),
      error: z.string(),
    }),
    /**
     * A single-use link to set a password: an invitation or a reset, asked for by an admin or by the person.
     * `delivery` says whether it was e-mailed or handed to the admin (no mailer configured).
     */
    'account_link.issued': z.object({
      kind: z.enum(['invitation', 'password_reset']),
      userId: z.string(),
      expiresAt: z.string(),
      delivery: z.enum(['email', 'handed_over']),
      requestedBy: z.enum(['admin', 'self']),
    }),
    /** A password set through an invitation or reset link: the link is spent, the person's sessions ended. */
    'user.password_set_by_link': z.object({
      kind: z.enum(['invitation', 'password_reset']),
      userId: z.string(),
      sessionsEnded: z.number(),
    }),
    /** A questionnaire template draft: imported, from the shipped default, or a new version of a published one. */
    'template.created': z.object({
      name: z.string(),
      familyId: z.string(),
      basedOnId: z.string().nullable(),
      source: z.enum(['import', 'default', 'new_version']),
    }),
    /** A draft's name or definition changed (`changes.definition` only says that it did: the record has it). */
    'template.updated': z.object({ changes: ChangesSchema }),
    'template.published': z.object({
      name: z.string(),
      familyId: z.string(),
      version: z.number(),
      retiredId: z.string().nullable(),
    }),
    'template.deleted': z.object({ name: z.string(), familyId: z.string(), revision: z.number() }),
    /** A questionnaire sent to a supplier: the template version, the due date and where its link went. */
    'assignment.created': z.object({
      supplierId: z.string(),
      supplierName: z.string(),
      templateId: z.string(),
      templateVersion: z.number(),
      dueDate: z.string(),
      delivery: z.enum(['email', 'handed_over']),
      /** Sent again once accepted (null: once only; absent from events written before it was recorded). */
      recurrence: RecurrenceSchema.nullable().optional(),
    }),
    'assignment.link_revoked': z.object({ supplierId: z.string() }),
    'assignment.link_reissued': z.object({
      supplierId: z.string(),
      expiresAt: z.string(),
      delivery: z.enum(['email', 'handed_over']),
    }),
    /**
     * The supplier saved (or cleared) an answer through its link. The value itself stays in the answer row;
     * the trail keeps its SHA-256, so any later change of the stored value shows.
     */
    'assignment.answer_saved': z.object({
      questionId: z.string(),
      revision: z.number(),
      cleared: z.boolean(),
      valueSha256: z.string().nullable(),
    }),
    'assignment.locale_chosen': z.object({ locale: z.string() }),
    'assignment.submitted': z.object({ answered: z.number(), required: z.number() }),
    /** A file the supplier uploaded as evidence: what it is judged to be by its content, and its SHA-256. */
    'assignment.evidence_uploaded': z.object({
      fileId: z.string(),
      questionId: z.string(),
      sha256: z.string(),
      size: z.number(),
      mediaType: z.string(),
    }),
    /** Back to the supplier, with a comment on each of these questions. */
    'assignment.returned': z.object({ questionIds: z.array(z.string()) }),
    /** Accepted: its answers score the supplier until `validUntil` (the assessment event follows). */
    'assignment.accepted': z.object({
      supplierId: z.string(),
      scoredAnswers: z.number(),
      evidenceAccepted: z.array(z.string()),
      validUntil: z.string(),
    }),
    /**
     * The schedule reminded the supplier of an open questionnaire (`email`: a new link e-mailed, earlier links
     * still working), or found a reminder due with no e-mail to send it to (`no_email`).
     */
    'assignment.reminded': z.object({
      supplierId: z.string(),
      slot: z.string(),
      kind: z.enum(['due_soon', 'overdue']),
      dueDate: z.string(),
      delivery: z.enum(['email', 'no_email']),
    }),
    /**
     * The schedule re-sent a recurring questionnaire: this (new) assignment follows `previousId`. Its link was
     * e-mailed (`email`), or none was issued because the supplier has no e-mail on file or no mailer is set up
     * (`no_email`: the officer issues one with "re-issue link" and passes it on). `handed_over` appears only in
     * events written before `no_email` existed, when a link was minted that no one was given.
     */
    'assignment.recurred': z.object({
      supplierId: z.string(),
      previousId: z.string(),
      templateId: z.string(),
      templateVersion: z.number(),
      dueDate: z.string(),
      delivery: z.enum(['email', 'handed_over', 'no_email']),
    }),
    /** An officer stopped a recurring questionnaire: it will not be sent again (`recurrence` was its schedule). */
    'assignment.recurrence_stopped': z.object({
      supplierId: z.string(),
      recurrence: RecurrenceSchema,
    }),
    /** Its accepted answers reached the end of their validity and no longer count as evidence. */
    'assignment.answers_expired': z.object({
      supplierId: z.string(),
      validUntil: z.string(),
      /** Whether the supplier was rescored (not when newer accepted answers count instead). */
      rescored: z.boolean(),
    }),
    /** A poorly controlled criterion or a red flag found by an accepted questionnaire. */
    'finding.opened': z.object({
      supplierId: z.string(),
      kind: z.string(),
      key: z.string(),
      severity: z.string(),
      assessmentId: z.string(),
    }),
    /** A remediation task made by hand or from a finding (the fields it was made with). */
    'task.created': z.object({
      supplierId: z.string(),
      findingId: z.string().nullable(),
      criterion: z.string().nullable(),
      title: z.string(),
      severity: z.string(),
      ownerId: z.string().nullable(),
      dueDate: z.string(),
      supplierVisible: z.boolean(),
    }),
    /** An officer's edit of a task's fields (`bulk`: one of a board selection changed together). */
    'task.updated': z.object({ changes: ChangesSchema, bulk: z.boolean().optional() }),
    /**
     * A move through the workflow (shared/src/domain/tasks/transitions.ts). `comment`: the reason given (it is
     * in the thread too); `justification` and `riskAcceptedUntil` on accepting a risk.
     */
    'task.transitioned': z.object({
      from: z.string(),
      to: z.string(),
      comment: z.string().nullable(),
      justification: z.string().nullable().optional(),
      riskAcceptedUntil: z.string().nullable().optional(),
    }),
    /**
     * The task schedule reminded an overdue task's `owner` or `supplier` (`email`: queued; `no_email`: nobody to
     * send it to, the officer follows it up; `no_link`: the supplier has no live portal link to carry it), or
     * escalated it to the organisation's administrators (`task.escalated`). `period`: the day this overdue
     * period began (the day after the due date, or a later reopening).
     */
    'task.reminded': z.object({
      audience: z.enum(['owner', 'supplier']),
      period: z.string(),
      step: z.number(),
      dueDate: z.string(),
      daysOverdue: z.number(),
      delivery: z.enum(['email', 'no_email', 'no_link']),
    }),
    'task.escalated': z.object({
      period: z.string(),
      dueDate: z.string(),
      daysOverdue: z.number(),
      afterDays: z.number(),
      delivery: z.enum(['email', 'no_email']),
      recipients: z.number(),
    }),
    /** A comment on a task's thread: the text stays in the thread (append-only); the trail keeps its SHA-256. */
    'task.commented': z.object({ commentId: z.string(), bodySha256: z.string() }),
    'task.evidence_uploaded': z.object({
      fileId: z.string(),
      sha256: z.string(),
      size: z.number(),
      mediaType: z.string(),
    }),
    /** A finding's status following its remediation task (closed, risk accepted, open again). */
    'finding.status_changed': z.object({
      key: z.string(),
      from: z.string(),
      to: z.string(),
      taskId: z.string(),
    }),
    /** A report asked for (issue 11): its register number and what was asked (the CreateReport body). */
    'report.requested': z.object({
      registerNumber: z.string(),
      kind: z.string(),
      parameters: z.looseObject({ kind: z.string() }),
    }),
    /** The report's PDF stored: the SHA-256 the register (and the public verify endpoint) answers for. */
    'report.issued': z.object({
      registerNumber: z.string(),
      kind: z.string(),
      sha256: z.string(),
      byteSize: z.number(),
      pageCount: z.number(),
    }),
    /** Rendering failed: nothing was issued; `error` is what the register shows. */
    'report.failed': z.object({ registerNumber: z.string(), kind: z.string(), error: z.string() }),
    'audit.personal_data_erased': z.object({
      requestRef: z.string(),
      reason: z.string(),
      /** Who the request was about: an entity by id, or "the person with an e-mail" (never the e-mail itself). */
      subject: z.union([
        z.object({ kind: z.literal('email') }),
        z.object({ kind: z.literal('entity'), entityType: z.string(), entityId: z.string() }),
      ]),
      /** The salted digests whose values were erased: the commitments stay, nothing personal is recorded. */
      values: z.array(
        z.object({ eventId: z.string(), seq: z.number(), path: z.string(), digest: z.string() }),
      ),
    }),
  };
};

const INPUT_PAYLOADS = payloadsOf(z.string());
const STORED_PAYLOADS = payloadsOf(PersonalTextSchema);
type Payloads = typeof INPUT_PAYLOADS;
export type AuditAction = keyof Payloads;
export const AUDIT_ACTIONS = Object.keys(INPUT_PAYLOADS) as AuditAction[];

/** The entity each action names. */
export const ENTITY_OF = {
  'org.created': 'organization',
  'user.created': 'user',
  'user.added_to_org': 'user',
  'user.updated': 'user',
  'user.password_changed': 'user',
  'auth.login': 'session',
  'auth.logout': 'session',
  'auth.switched_org': 'session',
  'api_key.created': 'api_key',
  'api_key.revoked': 'api_key',
  'supplier.created': 'supplier',
  'supplier.updated': 'supplier',
  'supplier.archived': 'supplier',
  'supplier.restored': 'supplier',
  'supplier.import_committed': 'supplier_import',
  'policy.created': 'policy',
  'policy.updated': 'policy',
  'policy.published': 'policy',
  'policy.deleted': 'policy',
  'policy.publish_requested': 'policy',
  'policy.publish_approved': 'policy',
  'policy.publish_rejected': 'policy',
  'policy.publish_withdrawn': 'policy',
  'org.publish_approval_set': 'organization',
  'dataset_edition.loaded': 'dataset_edition',
  'dataset_edition.deleted': 'dataset_edition',
  'assessment.created': 'assessment',
  'job.finished': 'job',
  'audit.personal_data_erased': 'erasure',
  'template.created': 'template',
  'template.updated': 'template',
  'template.published': 'template',
  'template.deleted': 'template',
  'assignment.created': 'assignment',
  'assignment.link_revoked': 'assignment',
  'assignment.link_reissued': 'assignment',
  'assignment.answer_saved': 'assignment',
  'assignment.locale_chosen': 'assignment',
  'assignment.submitted': 'assignment',
  'assignment.evidence_uploaded': 'assignment',
  'assignment.returned': 'assignment',
  'assignment.accepted': 'assignment',
  'assignment.reminded': 'assignment',
  'assignment.recurred': 'assignment',
  'assignment.recurrence_stopped': 'assignment',
  'assignment.answers_expired': 'assignment',
  'finding.opened': 'finding',
  'finding.status_changed': 'finding',
  'task.created': 'task',
  'task.updated': 'task',
  'task.transitioned': 'task',
  'task.commented': 'task',
  'task.reminded': 'task',
  'task.escalated': 'task',
  'task.evidence_uploaded': 'task',
  'report.requested': 'report',
  'report.issued': 'report',
  'report.failed': 'report',
  'mail.sent': 'mail',
  'mail.failed': 'mail',
  'account_link.issued': 'user',
  'user.password_set_by_link': 'user',
} as const satisfies Record<AuditAction, string>;
export type AuditEntityType = (typeof ENTITY_OF)[AuditAction];

/**
 * Where each action's payload holds personal data: dot paths, `*` for any array index. These values enter
 * the chain only as salted digests, so they can be erased on request while every hash still verifies.
 */
export const PERSONAL_FIELDS = {
  'user.created': ['email', 'name'],
  'user.added_to_org': ['email'],
  'supplier.created': ['name', 'email', 'phone'].map((f) => `supplier.contacts.*.${f}`),
  'supplier.updated': ['from', 'to'].flatMap((side) =>
    ['name', 'email', 'phone'].map((f) => `changes.contacts.${side}.*.${f}`),
  ),
} satisfies Partial<Record<AuditAction, readonly string[]>>;
/** The actions whose payloads never hold a personal value. */
export type ImpersonalAuditAction = Exclude<AuditAction, keyof typeof PERSONAL_FIELDS>;

/** Every action the audit trail records, with the entity it names and the shape of its payload. */
export type AuditEventInput = {
  [A in AuditAction]: { action: A; entityType: (typeof ENTITY_OF)[A]; payload: z.input<Payloads[A]> };
}[AuditAction];

const EventBaseSchema = z.object({
  id: IdSchema,
  seq: z.number().int(),
  actorType: z.enum(ACTOR_TYPES),
  actorId: z.string().nullable(),
  actorLabel: z.string().nullable(),
  entityId: z.string(),
  /** What the entity is called now (a supplier's name, a user's name…), or null when it no longer exists. */
  entityLabel: z.string().nullable(),
  /** Time of the event, ISO-8601 in UTC (`Z`). */
  createdAt: z.string(),
  prevHash: z.string(),
  hash: z.string(),
});

const eventVariant = <A extends AuditAction>(action: A) =>
  EventBaseSchema.extend({
    action: z.literal(action),
    entityType: z.literal(ENTITY_OF[action]),
    payload: STORED_PAYLOADS[action] as (typeof STORED_PAYLOADS)[A],
  });

type AnyVariant = { [A in AuditAction]: ReturnType<typeof eventVariant<A>> }[AuditAction];

/** One event as read back: the payload typed by its action, personal values re-assembled or marked erased. */
export const AuditEventSchema = z.discriminatedUnion(
  'action',
  AUDIT_ACTIONS.map((a) => eventVariant(a)) as unknown as [AnyVariant, ...AnyVariant[]],
);
export type AuditEvent = z.infer<typeof AuditEventSchema>;

export const AuditQuerySchema = PageQuerySchema.extend({
  entityType: text(50).optional(),
  entityId: text(100).optional(),
  /** Text search in the entity's current name (case-insensitive, substring). */
  entity: text(200).optional(),
  actorId: text(100).optional(),
  actorType: z.enum(ACTOR_TYPES).optional(),
  action: text(100).optional(),
  from: IsoDateTimeSchema.optional(),
  to: IsoDateTimeSchema.optional(),
  order: z.enum(['asc', 'desc']).default('desc'),
});
export type AuditQuery = z.infer<typeof AuditQuerySchema>;

/** The filters of the list without paging: what the CSV export takes. */
export const AuditExportQuerySchema = AuditQuerySchema.omit({ limit: true, offset: true });
export type AuditExportQuery = z.infer<typeof AuditExportQuerySchema>;

export const AuditPageSchema = pageOf(AuditEventSchema);

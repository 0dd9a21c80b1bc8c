import { z } from 'zod';
import { EmailSchema, IdSchema, requiredText } from './common.js';

/** The head of an organisation's chain: its last event. What a report prints as "built on". */
export const AuditHeadSchema = z.object({
  seq: z.number().int(),
  hash: z.string(),
  createdAt: z.string(),
});
export type AuditHead = z.infer<typeof AuditHeadSchema>;

/**
 * Why a checkpoint was recorded: every N events (`auto`), asked for by an admin (`on_demand`), or printed in an
 * issued report (`report`: the head the report's data was read at, signed at its issue time; it may name an
 * earlier event than checkpoints recorded before it, and several may name one event).
 */
export const CHECKPOINT_REASONS = ['auto', 'on_demand', 'report'] as const;

/** A signed record of the chain head at one moment. */
export const AuditCheckpointSchema = z.object({
  seq: z.number().int(),
  hash: z.string(),
  /** When the checkpoint was recorded (ISO-8601, UTC). */
  createdAt: z.string(),
  reason: z.enum(CHECKPOINT_REASONS),
  keyId: z.string(),
  /** Ed25519 signature (base64) of the message described in `AuditCheckpointFileSchema.message`. */
  signature: z.string(),
});
export type AuditCheckpoint = z.infer<typeof AuditCheckpointSchema>;

/** What an administrator downloads and keeps outside the system: enough to check the checkpoints alone. */
export const AuditCheckpointFileSchema = z.object({
  orgId: IdSchema,
  algorithm: z.literal('Ed25519'),
  /** The public key (SPKI, PEM) that verifies every signature below. */
  publicKey: z.string(),
  keyId: z.string(),
  /** How the signed message is built from a checkpoint. */
  message: z.string(),
  checkpoints: z.array(AuditCheckpointSchema),
});
export type AuditCheckpointFile = z.infer<typeof AuditCheckpointFileSchema>;

/** Result of walking one organisation's chain and holding it against its checkpoints. */
export const AuditVerifySchema = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  firstBroken: z.object({ seq: z.number().int(), id: IdSchema, reason: z.string() }).nullable(),
  /** The last event of the chain as stored, or null for an empty chain. */
  head: AuditHeadSchema.nullable(),
  checkpoints: z.object({
    total: z.number().int(),
    /** Checkpoints whose signature is valid and whose event has the recorded hash. */
    matched: z.number().int(),
    latest: AuditCheckpointSchema.nullable(),
    /** Each checkpoint that does not hold, with why (a missing tail, another hash, a bad signature). */
    problems: z.array(z.object({ seq: z.number().int(), reason: z.string() })),
  }),
  /** Set when events a checkpoint vouched for are gone from the end of the chain. */
  missingTail: z
    .object({ chainEndsAt: z.number().int(), checkpointSeq: z.number().int(), recordedAt: z.string() })
    .nullable(),
  personalValues: z.object({
    checked: z.number().int(),
    erased: z.number().int(),
    /** Kept values that no longer match the digest their event committed to. */
    mismatched: z.array(z.object({ seq: z.number().int(), path: z.string() })),
  }),
});
export type AuditVerify = z.infer<typeof AuditVerifySchema>;

/** A documented request to erase a person's data from the audit trail (admins). */
export const AuditErasureCreateSchema = z.object({
  subject: z.union([
    z.object({ email: EmailSchema }),
    z.object({ entityType: requiredText(50, 'Entity type'), entityId: requiredText(100, 'Entity id') }),
  ]),
  /** The request it fulfils (ticket, letter reference): recorded in the trail. Do not put the person's name here. */
  requestRef: requiredText(100, 'Request reference'),
  reason: requiredText(1000, 'Reason'),
});
export type AuditErasureCreate = z.infer<typeof AuditErasureCreateSchema>;

export const AuditErasureResultSchema = z.object({
  /** The audit event that records the erasure. */
  eventId: IdSchema.nullable(),
  erased: z.number().int(),
  events: z.number().int(),
  /** Events written before personal fields were digested that still hold the e-mail in clear. */
  clearTextEvents: z.number().int(),
});
export type AuditErasureResult = z.infer<typeof AuditErasureResultSchema>;

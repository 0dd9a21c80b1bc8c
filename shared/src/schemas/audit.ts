import { z } from 'zod';
import { IdSchema, IsoDateTimeSchema, PageQuerySchema, pageOf, text } from './common.js';

// WARNING: audit payloads are hashed into a chain that must verify for years. Never rename a field of an
// existing action or change how a payload is serialised; add a new action instead.

export const ACTOR_TYPES = ['user', 'api_key', 'supplier_link', 'system'] as const;
export type ActorType = (typeof ACTOR_TYPES)[number];

/** Every action the audit trail records, with the entity it names and the shape of its payload. */
export type AuditEventInput =
  | { action: 'org.created'; entityType: 'organization'; payload: { name: string; slug: string } }
  | { action: 'user.created'; entityType: 'user'; payload: { email: string; name: string; role: string } }
  | { action: 'user.added_to_org'; entityType: 'user'; payload: { email: string; role: string } }
  | { action: 'user.updated'; entityType: 'user'; payload: { changes: Changes } }
  | { action: 'auth.login'; entityType: 'session'; payload: { userId: string; method: 'password' } }
  | { action: 'auth.logout'; entityType: 'session'; payload: { userId: string } }
  | { action: 'auth.switched_org'; entityType: 'session'; payload: { userId: string; fromOrgId: string } }
  | {
      action: 'api_key.created';
      entityType: 'api_key';
      payload: { name: string; role: string; prefix: string };
    }
  | { action: 'api_key.revoked'; entityType: 'api_key'; payload: { name: string; prefix: string } }
  | {
      action: 'supplier.created';
      entityType: 'supplier';
      payload: { supplier: Record<string, unknown>; importId?: string };
    }
  | { action: 'supplier.updated'; entityType: 'supplier'; payload: { changes: Changes; importId?: string } }
  | { action: 'supplier.archived'; entityType: 'supplier'; payload: { name: string } }
  | { action: 'supplier.restored'; entityType: 'supplier'; payload: { name: string } }
  | {
      action: 'supplier.import_committed';
      entityType: 'supplier_import';
      payload: {
        fileName: string;
        sha256: string;
        rows: number;
        created: number;
        updated: number;
        unchanged: number;
      };
    }
  | { action: 'policy.created'; entityType: 'policy'; payload: { name: string; basedOnId: string | null } }
  | { action: 'policy.updated'; entityType: 'policy'; payload: { changes: Changes } }
  | {
      action: 'policy.published';
      entityType: 'policy';
      payload: { name: string; version: number; retiredId: string | null };
    }
  | {
      action: 'assessment.created';
      entityType: 'assessment';
      payload: {
        supplierId: string;
        policyId: string;
        policyVersion: number;
        rating: string;
        residualScore: number;
        trigger: string;
      };
    }
  | {
      action: 'job.finished';
      entityType: 'job';
      payload: { kind: string; status: string; done: number; total: number };
    };

/** Field-level before/after of an update. */
export type Changes = Record<string, { from: unknown; to: unknown }>;

export type AuditAction = AuditEventInput['action'];

export const AuditEventSchema = z.object({
  id: IdSchema,
  seq: z.number().int(),
  actorType: z.enum(ACTOR_TYPES),
  actorId: z.string().nullable(),
  actorLabel: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  payload: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
  prevHash: z.string(),
  hash: z.string(),
});
export type AuditEvent = z.infer<typeof AuditEventSchema>;

export const AuditQuerySchema = PageQuerySchema.extend({
  entityType: text(50).optional(),
  entityId: text(100).optional(),
  actorId: text(100).optional(),
  actorType: z.enum(ACTOR_TYPES).optional(),
  action: text(100).optional(),
  from: IsoDateTimeSchema.optional(),
  to: IsoDateTimeSchema.optional(),
  order: z.enum(['asc', 'desc']).default('desc'),
});
export type AuditQuery = z.infer<typeof AuditQuerySchema>;

export const AuditPageSchema = pageOf(AuditEventSchema);

/** Result of walking one organisation's chain. */
export const AuditVerifySchema = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  firstBroken: z.object({ seq: z.number().int(), id: IdSchema, reason: z.string() }).nullable(),
});
export type AuditVerify = z.infer<typeof AuditVerifySchema>;

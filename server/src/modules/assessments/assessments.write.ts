import { randomUUID } from 'node:crypto';
import type { ReferenceData } from '#shared/domain/reference/types.js';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../lib/context.js';
import { appendAuditEvents } from '../audit/audit.repo.js';
import { documentOf } from '../policies/policies.mapping.js';
import type { PolicyRow } from '../policies/policies.repo.js';
import { toProfile } from '../suppliers/suppliers.mapping.js';
import type { SupplierRow } from '../suppliers/suppliers.repo.js';
import { runEngine } from './assessments.engine.js';
import {
  type AssessmentInsert,
  type AssessmentRow,
  insertAssessments,
  setCurrentAssessments,
} from './assessments.repo.js';

export type AssessmentTrigger = AssessmentInsert['trigger'];

// Rows per INSERT: each carries ~5 KB of JSON (inputs + stored breakdown), so one statement stays near 5 MB.
const INSERT_BATCH = 500;

/**
 * Scores suppliers under one published policy and writes, in the caller's transaction: the assessments
 * (append-only, the result in its stored form), each supplier's current-risk summary, and one audit event per assessment.
 */
export const assessSuppliers = async (
  tx: Db,
  args: {
    orgId: string;
    policy: PolicyRow;
    suppliers: Pick<
      SupplierRow,
      'id' | 'country' | 'goods' | 'tier' | 'headcount' | 'migrantWorkerShare' | 'agencyWorkerShare'
    >[];
    ref: ReferenceData;
    trigger: AssessmentTrigger;
    actor: Actor;
    jobId?: string;
  },
): Promise<AssessmentRow[]> => {
  const doc = documentOf(args.policy);
  const createdAt = new Date();
  const written: AssessmentRow[] = args.suppliers.map((s) => {
    const { inputs, result, stored, sha256 } = runEngine(doc, toProfile(s), args.ref);
    return {
      id: randomUUID(),
      orgId: args.orgId,
      supplierId: s.id,
      policyId: args.policy.id,
      policyVersion: args.policy.version!,
      engineVersion: result.engineVersion,
      inputs: inputs as unknown as Record<string, unknown>,
      result: stored as unknown as Record<string, unknown>,
      resultSha256: sha256,
      inherentScore: result.inherent.score,
      controlScore: result.control.score,
      residualScore: result.residual.score,
      rating: result.rating,
      trigger: args.trigger,
      jobId: args.jobId ?? null,
      createdBy: args.actor.label,
      createdAt,
    };
  });
  for (let i = 0; i < written.length; i += INSERT_BATCH) {
    await insertAssessments(tx, written.slice(i, i + INSERT_BATCH));
  }
  await setCurrentAssessments(tx, args.orgId, written);
  await appendAuditEvents(
    tx,
    args.orgId,
    args.actor,
    written.map((a) => ({
      action: 'assessment.created' as const,
      entityType: 'assessment' as const,
      entityId: a.id,
      payload: {
        supplierId: a.supplierId,
        policyId: a.policyId,
        policyVersion: a.policyVersion,
        rating: a.rating,
        residualScore: a.residualScore,
        trigger: a.trigger,
      },
    })),
  );
  return written;
};

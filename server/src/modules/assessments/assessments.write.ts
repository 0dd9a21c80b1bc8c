import { randomUUID } from 'node:crypto';
import { utcDay } from '#shared/domain/questionnaires/schedule.js';
import type { StoredResult } from '#shared/domain/scoring/stored.js';
import type { CriterionAnswer, RatingFloorKind } from '#shared/domain/scoring/types.js';
import { JsonText } from '../../db/bulk.js';
import type { Tx } from '../../db/client.js';
import { type InFlight, inFlight } from '../../db/in-flight.js';
import type { Actor } from '../../lib/context.js';
import { appendAuditEvents, type RecordedEvent } from '../audit/audit-append.js';
import { isQueueable, queueAuditEvents } from '../audit/audit-deferred.js';
import type { References } from '../datasets/datasets.references.js';
import type { PolicyRow } from '../policies/policies.repo.js';
import { toProfile } from '../suppliers/suppliers.mapping.js';
import type { ScoredSupplier, SuppliersRepo } from '../suppliers/suppliers.repo.js';
import { runEngine } from './assessments.engine.js';
import { type AssessmentInsert, type AssessmentRow, insertAssessments } from './assessments.repo.js';

/** The audit event of a stored assessment (the service's, and the demo history's back-dated ones). */
export const assessmentCreatedEvent = (
  a: Pick<
    AssessmentRow,
    | 'id'
    | 'supplierId'
    | 'policyId'
    | 'policyVersion'
    | 'rating'
    | 'residualScore'
    | 'trigger'
    | 'triggerDetail'
  >,
): RecordedEvent => ({
  action: 'assessment.created',
  entityType: 'assessment',
  entityId: a.id,
  payload: {
    supplierId: a.supplierId,
    policyId: a.policyId,
    policyVersion: a.policyVersion,
    rating: a.rating,
    residualScore: a.residualScore,
    trigger: a.trigger,
    triggerDetail: a.triggerDetail,
  },
});

export type AssessmentTrigger = AssessmentInsert['trigger'];

// Rows per INSERT: each carries ~4 KB of JSON (inputs + stored breakdown), so one statement stays near 1 MB.
const INSERT_BATCH = 250;

export interface AssessArgs {
  orgId: string;
  policy: PolicyRow;
  suppliers: ScoredSupplier[];
  trigger: AssessmentTrigger;
  /** What set it off, in words ("profile changed: goods"); stored and audited with each assessment. */
  triggerDetail?: string | null;
  actor: Actor;
  jobId?: string;
  /**
   * Chain risk (the riskiest supplier of each sub-tree) follows new residual scores: by default rolled up
   * through the assessed suppliers' ancestors in the same transaction. A caller scoring the whole
   * organisation in batches defers it and runs recomputeChainRisk once at the end (one set-based statement).
   */
  deferChainRisk?: boolean;
  /**
   * Accepted answers the caller already holds, by supplier: used instead of reading them (accepting a
   * questionnaire scores the answers it has just stored, which are the supplier's accepted ones).
   */
  answers?: ReadonlyMap<string, AcceptedAnswers>;
  /**
   * The caller's own writes that follow from the assessments (accepting opens findings that cite them), sent
   * in flight with the assessments' (`writes`), and their audit events: appended after the assessments' in
   * the same append, so the chain is locked and its head read once for the whole change. `results` are the
   * stored results by assessment id, as the engine made them (not parsed back from the rows).
   */
  alongside?: (
    written: AssessmentRow[],
    writes: InFlight,
    results: ReadonlyMap<string, StoredResult>,
  ) => Promise<RecordedEvent[]>;
  /**
   * The audit events (the assessments' and `alongside`'s, in that order) are queued, to join the chain after
   * the transaction commits (queueAuditEvents; the caller kicks the queue), instead of under the chain's lock
   * taken now: no lock held and no head read in the transaction, and no hashing here. For a single change
   * made often (accepting a questionnaire), not for batches (the drain chains row by row). Should an event
   * hold a personal value, all are appended now, so their order stays the same.
   */
  auditAtCommit?: boolean;
}

/**
 * A supplier's accepted questionnaire answers as scoring takes them, and where they came from: the accepted
 * questionnaire (assignment) and the template version it was sent with, stored with the assessment.
 */
export interface AcceptedAnswers {
  assignmentId: string;
  templateId: string;
  /** Null only for a version never published, which is never sent. */
  templateVersion: number | null;
  answers: CriterionAnswer[];
}

/** Each supplier's accepted, unexpired questionnaire answers (absent: none). */
export type AnswersSource = (
  tx: Tx,
  orgId: string,
  /** The UTC day (YYYY-MM-DD) the answers must still be valid on. */
  today: string,
  supplierIds: readonly string[],
) => Promise<Map<string, AcceptedAnswers>>;

interface Deps {
  /** Accepted questionnaire answers are the assignments module's: it reads them. */
  answers?: AnswersSource;
  /** The supplier's current-risk summary is the suppliers module's row: it writes it. */
  suppliers: Pick<SuppliersRepo, 'setCurrentAssessments' | 'rollUpChainRisk'>;
  /** The reference data of the policy (shipped data with its pinned editions), cached per organisation. */
  references: Pick<References, 'forDocument'>;
}

/**
 * Scores suppliers under one published policy and writes, in the caller's transaction: the assessments
 * (append-only, the result in its stored form), each supplier's current-risk summary, and one audit event
 * per assessment.
 */
export const createAssessSuppliers = (deps: Deps) => (tx: Tx, args: AssessArgs) => assess(deps, tx, args);
export type AssessSuppliers = ReturnType<typeof createAssessSuppliers>;

const assess = async (
  { suppliers, references, answers }: Deps,
  tx: Tx,
  args: AssessArgs,
): Promise<AssessmentRow[]> => {
  if (args.suppliers.length === 0) return [];
  const doc = args.policy.document;
  // Every path that scores under a policy comes here: the policy decides the dataset editions too.
  const ref = await references.forDocument(tx, args.orgId, doc);
  const createdAt = new Date();
  // Scores one chunk while PostgreSQL writes the previous one.
  const writes = inFlight();
  const written: AssessmentRow[] = [];
  // The floor that raised a rating ("Medium · insufficient data"), copied to the supplier with its rating.
  const floors = new Map<string, RatingFloorKind>();
  const results = new Map<string, StoredResult>();
  for (let i = 0; i < args.suppliers.length; i += INSERT_BATCH) {
    const texts: JsonText[] = [];
    const slice = args.suppliers.slice(i, i + INSERT_BATCH);
    const known = args.answers;
    const unknown = known ? slice.filter((s) => !known.has(s.id)) : slice;
    const accepted: ReadonlyMap<string, AcceptedAnswers> =
      answers && unknown.length > 0
        ? new Map([
            ...(await answers(
              tx,
              args.orgId,
              utcDay(createdAt),
              unknown.map((s) => s.id),
            )),
            ...(known ?? []),
          ])
        : (known ?? new Map());
    const chunk = slice.map((s): AssessmentRow => {
      const source = accepted.get(s.id);
      const { inputs, result, stored, storedText, sha256 } = runEngine(
        doc,
        toProfile(s),
        ref,
        source?.answers ?? [],
      );
      texts.push(new JsonText(storedText));
      const id = randomUUID();
      if (result.ratingFloor) floors.set(id, result.ratingFloor.kind);
      if (args.alongside) results.set(id, stored);
      return {
        id,
        orgId: args.orgId,
        supplierId: s.id,
        policyId: args.policy.id,
        policyVersion: args.policy.version!,
        engineVersion: result.engineVersion,
        inputs,
        result: stored,
        resultSha256: sha256,
        inherentScore: result.inherent.score,
        controlScore: result.control.score,
        residualScore: result.residual.score,
        rating: result.rating,
        trigger: args.trigger,
        triggerDetail: args.triggerDetail ?? null,
        jobId: args.jobId ?? null,
        createdBy: args.actor.label,
        createdAt,
        answersAssignmentId: source?.assignmentId ?? null,
        answersTemplateId: source?.templateId ?? null,
        answersTemplateVersion: source?.templateVersion ?? null,
      };
    });
    written.push(...chunk);
    // The stored result goes as the text its hash was taken with, not serialised a second time.
    await writes.add(
      insertAssessments(
        tx,
        chunk.map((a, j) => ({ ...a, result: texts[j]! })),
      ),
    );
  }
  await writes.add(
    suppliers.setCurrentAssessments(
      tx,
      args.orgId,
      written.map((a) => ({
        supplierId: a.supplierId,
        assessmentId: a.id,
        rating: a.rating,
        ratingFloor: floors.get(a.id) ?? null,
        inherentScore: a.inherentScore,
        residualScore: a.residualScore,
        assessedAt: a.createdAt,
        policyVersion: a.policyVersion,
      })),
    ),
  );
  const events = written.map(assessmentCreatedEvent);
  // Chain risk rolled up from the new residual scores (just sent), in one statement sent now without waiting:
  // pipelined behind them, it runs while the caller's own writes are made. Awaited with the writes, after
  // the caller's (a failure before it is the one reported).
  const rollingUp = args.deferChainRisk
    ? undefined
    : suppliers.rollUpChainRisk(
        tx,
        args.orgId,
        written.map((a) => a.supplierId),
      );
  rollingUp?.catch(() => {});
  if (args.alongside) events.push(...(await args.alongside(written, writes, results)));
  if (rollingUp) await writes.add(rollingUp);
  // The chain is locked last, so other writers wait least, but sent without waiting for the writes before
  // it (pipelined behind them: a round trip less). The writes are awaited first, so a failure among them is
  // the error reported (the append would only say the transaction is aborted).
  const audited =
    args.auditAtCommit && events.every(isQueueable)
      ? queueAuditEvents(tx, args.orgId, args.actor, events)
      : appendAuditEvents(tx, args.orgId, args.actor, events);
  audited.catch(() => {});
  await writes.drain();
  await audited;
  return written;
};

import { answerLabel, answersToCriterionAnswers } from '#shared/domain/questionnaires/criterion-answers.js';
import { findQuestion } from '#shared/domain/questionnaires/questions.js';
import {
  answersValidUntil,
  DEFAULT_ANSWER_VALIDITY_MONTHS,
  utcDay,
} from '#shared/domain/questionnaires/schedule.js';
import { countingAnswers } from '#shared/domain/questionnaires/visibility.js';
import { type CriterionAnswer, CriterionAnswersSchema } from '#shared/domain/scoring/types.js';
import { type AssignmentPreview, evidenceIdsOf } from '#shared/schemas/assignment-review.js';
import type { Assignment, AssignmentAccept, AssignmentReturn } from '#shared/schemas/assignments.js';
import type { Db, Tx } from '../../db/client.js';
import { queueFirst } from '../../db/in-flight.js';
import { withTenant } from '../../db/tenant.js';
import { AppError, conflict, notFound, unprocessable } from '../../lib/app-error.js';
import { type RequestCtx, requireRole } from '../../lib/context.js';
import { checkRevision, staleRevision } from '../../lib/revision.js';
import type { FileStorage } from '../../lib/storage/file-storage.js';
import type { PreviewAssessment, ScorePreview } from '../assessments/assessments.preview.js';
import type { ReassessSuppliers } from '../assessments/assessments.reassess.js';
import { appendAuditEvent, type RecordedEvent } from '../audit/audit-append.js';
import type { PoliciesRepo } from '../policies/policies.repo.js';
import type { SuppliersRepo } from '../suppliers/suppliers.repo.js';
import type { DefinitionOf } from './assignments.definitions.js';
import { answerMapOf } from './assignments.mapping.js';
import { presentRead } from './assignments.present.js';
import * as repo from './assignments.repo.js';
import { findEvidence, listEvidence, toEvidenceFile } from './evidence.repo.js';
import { type FindingRow, insertFindings, listAssignmentFindings, toFinding } from './findings.repo.js';
import { listReminders } from './reminders.repo.js';
import { findingsOf } from './review.findings.js';
import { toPreview } from './review.preview.js';

/** Accepted answers count as evidence for this long when the published policy does not say. */
export const ANSWERS_VALID_MONTHS = DEFAULT_ANSWER_VALIDITY_MONTHS;

interface Deps {
  db: Db;
  /** Accepting rescores the supplier with its answers, in the same transaction. */
  reassess: ReassessSuppliers;
  /** Scores the supplier with given answers, writing nothing (the preview; accept checks it can score first). */
  previewAssessment: PreviewAssessment;
  /** Evidence files are read from file storage. */
  storage: Pick<FileStorage, 'get'>;
  definitionOf: DefinitionOf;
  /** The published policy says how long accepted answers count (answerValidityMonths). */
  policies: Pick<PoliciesRepo, 'findPublishedPolicy'>;
  /** Accepting reads the supplier as scoring takes it with the questionnaire (one round trip fewer). */
  suppliers: Pick<SuppliersRepo, 'currentSuppliersById'>;
  /** Links the acceptance's queued audit events into the chain once it has committed (AuditQueue.kick). */
  kickAudit: (orgId: string) => void;
}

/**
 * The officer's review of a submitted questionnaire: read the answers, return it with comments per question,
 * or accept it. Accepting scores the answers under the published policy (the supplier is reassessed in the
 * same transaction, citing each answer) and opens a finding for each poorly controlled criterion and red flag.
 */
export const createReviewService = ({
  db,
  reassess,
  previewAssessment,
  storage,
  definitionOf,
  policies,
  suppliers,
  kickAudit,
}: Deps) => {
  /**
   * The questionnaire with its answers, its reminders and the published policy, in one round trip on
   * PostgreSQL: statements sent together are pipelined on the transaction's connection and run in the order
   * sent. `lock` locks the row first, so the answers read are the ones stored once the lock is held. `accept`
   * also takes the supplier's answers lock next (lockSupplierAnswers: after the row's, as the schedule's
   * expiry takes them) and reads the supplier as scoring takes it (none when archived), all in the same round
   * trip. `show` presents the row (or the row as just updated) with what was read, reading nothing more.
   */
  const load = async (tx: Tx, ctx: RequestCtx, id: string, mode: 'read' | 'lock' | 'accept' = 'read') => {
    const locked = mode !== 'read' ? await queueFirst(repo.lockAssignment(tx, ctx.orgId, id)) : undefined;
    const lockedAnswers =
      mode === 'accept' ? await queueFirst(repo.lockSupplierAnswersOf(tx, ctx.orgId, id)) : undefined;
    const [row, answers, reminders, policy, scored] = await Promise.all([
      repo.findAssignment(tx, ctx.orgId, id),
      repo.listAnswers(tx, ctx.orgId, [id]),
      listReminders(tx, ctx.orgId, [id]),
      policies.findPublishedPolicy(tx, ctx.orgId),
      mode === 'accept'
        ? suppliers.currentSuppliersById(tx, ctx.orgId, repo.supplierIdOf(ctx.orgId, id))
        : undefined,
    ]);
    await locked?.result;
    await lockedAnswers?.result;
    if (!row) throw notFound('Questionnaire', id);
    const definition = await definitionOf(tx, ctx.orgId, row.templateId);
    const show = (r: repo.AssignmentRow) =>
      presentRead(r, definition, answers, reminders, policy?.document.questionnaireSchedule);
    let shown: Assignment | undefined;
    return {
      row,
      definition,
      answers,
      policy: policy ?? null,
      scored,
      show,
      /** The row as the API shows it, presented when first asked for. */
      get shown(): Assignment {
        shown ??= show(row);
        return shown;
      },
    };
  };
  const submittedOnly = (row: repo.AssignmentRow, doing: string) => {
    if (row.status !== 'submitted') {
      throw unprocessable(
        `Only a submitted questionnaire can be ${doing}: this one is ${row.status.replace('_', ' ')}`,
      );
    }
  };
  /**
   * Returning asks the supplier for changes, so it is refused (409, nothing written) while the supplier's link
   * cannot open the questionnaire. Not re-issued here: a revoked link was withdrawn on purpose (a contact left,
   * a link leaked), and a new one is a credential sent to someone, so the officer decides it with "re-issue
   * link" (which e-mails it or hands it over, audited), then returns.
   */
  const supplierCanReach = async (tx: Tx, ctx: RequestCtx, id: string) => {
    const link = await repo.supplierLinkState(tx, ctx.orgId, id);
    if (!link || link.state === 'live') return;
    const day = (d: Date | null) => d?.toISOString().slice(0, 10) ?? 'an earlier day';
    throw conflict(
      `The supplier cannot open this questionnaire: its link ${
        link.state === 'revoked'
          ? `was withdrawn on ${day(link.revokedAt)}`
          : `expired on ${day(link.expiresAt)}`
      }. Re-issue the link first (the supplier gets a new one), then return the questionnaire; nothing was changed.`,
    );
  };
  type Loaded = Awaited<ReturnType<typeof load>>;

  /**
   * The one path from a submitted questionnaire to the answers as scoring takes them (with the evidence the
   * officer accepts). The preview scores them (scoreAcceptance); accept stores them and reassesses, which
   * scores them the same way.
   */
  const criterionAnswersOf = (
    { definition, answers }: Loaded,
    evidenceAccepted: readonly string[],
  ): CriterionAnswer[] => {
    const answerMap = answerMapOf(answers);
    const unknown = evidenceAccepted.filter((q) => !Object.hasOwn(answerMap, q));
    if (unknown.length > 0) {
      throw new AppError(
        'validation_failed',
        'Evidence can be accepted only for answered questions',
        unknown.map((q) => ({ path: 'evidenceAccepted', message: `"${q}" has no answer` })),
      );
    }
    return answersToCriterionAnswers(definition, answerMap, {
      evidenceAccepted: new Set(evidenceAccepted),
    });
  };
  const cannotScore = () =>
    unprocessable('The supplier could not be scored: it is archived, or no policy is published', 'id');

  /** The supplier scored with the answers accepting would store, writing nothing. */
  const scoreAcceptance = async (
    tx: Tx,
    ctx: RequestCtx,
    loaded: Loaded,
    evidenceAccepted: readonly string[],
  ): Promise<ScorePreview> => {
    const criterionAnswers = criterionAnswersOf(loaded, evidenceAccepted);
    const scored = await previewAssessment(tx, ctx.orgId, loaded.row.supplierId, criterionAnswers);
    if (!scored) throw cannotScore();
    return scored;
  };

  const reloadStale = async (tx: Tx, ctx: RequestCtx, id: string) =>
    staleRevision('questionnaire', (await load(tx, ctx, id)).shown);

  return {
    /** One evidence file of the organisation's questionnaire, for the reviewer to open. */
    async evidence(ctx: RequestCtx, id: string, fileId: string) {
      requireRole(ctx, 'executive');
      const row = await withTenant(db, ctx.orgId, async (tx) => {
        if (!(await repo.findAssignment(tx, ctx.orgId, id))) throw notFound('Questionnaire', id);
        return findEvidence(tx, ctx.orgId, id, fileId);
      });
      if (!row) throw notFound('File', fileId);
      return { file: toEvidenceFile(row), body: await storage.get(row.storageKey) };
    },

    async answers(ctx: RequestCtx, id: string) {
      requireRole(ctx, 'executive');
      return withTenant(db, ctx.orgId, async (tx) => {
        const { row, definition, answers, shown } = await load(tx, ctx, id);
        const counting = countingAnswers(definition, answerMapOf(answers));
        return {
          assignment: shown,
          answers: answers.flatMap((a) => {
            const q = findQuestion(definition, a.questionId);
            if (!q) return [];
            const value = a.value as string | number | string[];
            return [
              {
                questionId: a.questionId,
                value,
                label: answerLabel(q, value, definition.defaultLocale),
                counted: a.questionId in counting,
                updatedAt: a.updatedAt.toISOString(),
              },
            ];
          }),
          reviewComments: row.reviewComments,
          findings: (await listAssignmentFindings(tx, ctx.orgId, id)).map(toFinding),
          evidence: (await listEvidence(tx, ctx.orgId, id)).map(toEvidenceFile),
        };
      });
    },

    /**
     * Back to the supplier with a comment per question; the questionnaire opens again for changes. Refused
     * while the supplier's link is revoked or expired (re-issue it first).
     */
    async returnToSupplier(ctx: RequestCtx, id: string, input: AssignmentReturn, expected?: number) {
      requireRole(ctx, 'officer');
      return withTenant(db, ctx.orgId, async (tx) => {
        const { row, definition, shown } = await load(tx, ctx, id, 'lock');
        checkRevision('questionnaire', expected ?? input.revision, shown);
        submittedOnly(row, 'returned');
        const unknown = Object.keys(input.comments).filter((q) => !findQuestion(definition, q));
        if (unknown.length > 0) {
          throw new AppError(
            'validation_failed',
            'Comment on questions of this questionnaire',
            unknown.map((q) => ({
              path: `comments.${q}`,
              message: 'No such question in this questionnaire',
            })),
          );
        }
        await supplierCanReach(tx, ctx, id);
        const ok = await repo.updateAssignment(tx, ctx.orgId, id, row.revision, {
          status: 'returned',
          returnedAt: new Date(),
          reviewComments: input.comments,
        });
        if (!ok) throw await reloadStale(tx, ctx, id);
        await appendAuditEvent(tx, ctx.orgId, ctx.actor, {
          action: 'assignment.returned',
          entityType: 'assignment',
          entityId: id,
          payload: { questionIds: Object.keys(input.comments).sort() },
        });
        return (await load(tx, ctx, id)).shown;
      });
    },

    /** What accepting would do now (evidence accepted for `query.evidenceAccepted`), writing nothing. */
    async preview(
      ctx: RequestCtx,
      id: string,
      query: { evidenceAccepted?: string },
    ): Promise<AssignmentPreview> {
      requireRole(ctx, 'officer');
      return withTenant(db, ctx.orgId, async (tx) => {
        const loaded = await load(tx, ctx, id);
        submittedOnly(loaded.row, 'previewed');
        const evidenceAccepted = evidenceIdsOf(query.evidenceAccepted);
        const scored = await scoreAcceptance(tx, ctx, loaded, evidenceAccepted);
        return toPreview(id, evidenceAccepted, scored, loaded.definition);
      });
    },

    /**
     * Stores the answers as accepted and reassesses the supplier with them, opening its findings: a handful of
     * round trips on PostgreSQL, whatever the number of answers and findings. The reassessment scores once
     * (an archived supplier or no published policy writes nothing there, and the acceptance is refused), and
     * the findings and the acceptance are audited after the assessment's event, all queued in the transaction
     * and joining the chain once it has committed.
     */
    async accept(ctx: RequestCtx, id: string, input: AssignmentAccept, expected?: number) {
      requireRole(ctx, 'officer');
      // Lookups by key and writes of known rows only: generic plans (planned once per connection).
      const accepted = await withTenant(
        db,
        ctx.orgId,
        async (tx) => {
          // Locked first: the answers scored are exactly the ones stored, whatever the portal is doing. Then the
          // supplier's answers, as the schedule's expiry takes them (after the assignment's row, before the audit
          // chain): neither rescores from a read the other is about to change.
          const loaded = await load(tx, ctx, id, 'accept');
          const { row, definition, policy, scored } = loaded;
          // The row presented only for the 409 (the answer shows it as accepted).
          checkRevision('questionnaire', expected ?? input.revision, {
            revision: row.revision,
            present: () => loaded.shown,
          });
          submittedOnly(row, 'accepted');
          const criterionAnswers = criterionAnswersOf(loaded, input.evidenceAccepted);
          const acceptedAt = new Date();
          const until = answersValidUntil(
            utcDay(acceptedAt),
            policy?.document.answerValidityMonths ?? ANSWERS_VALID_MONTHS,
          );
          // Sent without waiting (queued before the scoring starts, so PostgreSQL writes it while the engine
          // runs). The row is locked, so the guarded update cannot miss; were it to, the transaction is rolled
          // back below.
          const updating = await queueFirst(
            repo.updateAssignment(tx, ctx.orgId, id, row.revision, {
              status: 'accepted',
              acceptedAt,
              acceptedBy: ctx.userId,
              validUntil: until,
              criterionAnswers,
            }),
          );
          const title = definition.title[definition.defaultLocale] ?? row.templateName;
          let findings: FindingRow[] = [];
          const [updated, [assessment]] = await Promise.all([
            updating.result,
            reassess(
              tx,
              ctx,
              [row.supplierId],
              'questionnaire_accepted',
              `questionnaire "${title}" (v${row.templateVersion})`,
              {
                policy,
                suppliers: scored,
                // The answers just stored are the supplier's accepted ones: scored without reading them back,
                // in the form a read gives (the schema's keys, in its order), so a later rescore scores alike.
                answers: new Map([
                  [
                    row.supplierId,
                    {
                      assignmentId: id,
                      templateId: row.templateId,
                      templateVersion: row.templateVersion,
                      answers: CriterionAnswersSchema.parse(criterionAnswers),
                    },
                  ],
                ]),
                // Queued, chained after commit: accepting is an officer's routine, often many in a row, and its
                // events need no sequence number here; the transaction never waits for the chain's lock.
                auditAtCommit: true,
                alongside: async ([made], writes, results) => {
                  const result = made && results.get(made.id);
                  if (!made || !result) return [];
                  // The result as the engine made it: parsing it back from the row took longer than scoring.
                  findings = findingsOf(made, result, definition, id, acceptedAt);
                  await writes.add(insertFindings(tx, findings));
                  return [
                    {
                      action: 'assignment.accepted',
                      entityType: 'assignment',
                      entityId: id,
                      payload: {
                        supplierId: row.supplierId,
                        scoredAnswers: criterionAnswers.length,
                        evidenceAccepted: [...input.evidenceAccepted].sort(),
                        validUntil: until,
                      },
                    },
                    ...findings.map(
                      (f): RecordedEvent => ({
                        action: 'finding.opened',
                        entityType: 'finding',
                        entityId: f.id,
                        payload: {
                          supplierId: f.supplierId,
                          kind: f.kind,
                          key: f.key,
                          severity: f.severity,
                          assessmentId: f.assessmentId,
                        },
                      }),
                    ),
                  ];
                },
              },
            ),
          ]);
          if (!updated) throw await reloadStale(tx, ctx, id);
          if (!assessment) throw cannotScore();
          return {
            assignment: loaded.show({
              ...row,
              status: 'accepted',
              acceptedAt,
              validUntil: until,
              updatedAt: updated.updatedAt,
              revision: updated.revision,
            }),
            assessment: {
              id: assessment.id,
              rating: assessment.rating,
              residualScore: assessment.residualScore,
              controlScore: assessment.controlScore,
            },
            findings: findings.map(toFinding),
          };
        },
        { genericPlans: true },
      );
      kickAudit(ctx.orgId);
      return accepted;
    },
  };
};

export type ReviewService = ReturnType<typeof createReviewService>;

import { LRUCache } from 'lru-cache';
import { answerProgress, missingRequired } from '#shared/domain/questionnaires/progress.js';
import { isOpenAssignmentStatus } from '#shared/schemas/assignments.js';
import type { PortalAnswer, PortalAnswerSave, PortalQuestionnaire } from '#shared/schemas/portal.js';
import type { Locale, TemplateDefinition } from '#shared/schemas/questionnaires.js';
import type { Db, Tx } from '../../db/client.js';
import { withTenant } from '../../db/tenant.js';
import { AppError } from '../../lib/app-error.js';
import type { Actor } from '../../lib/context.js';
import { sha256Hex } from '../../lib/tokens.js';
import { appendAuditEvent } from '../audit/audit-append.js';
import type { DefinitionOf } from './assignments.definitions.js';
import { answerMapOf } from './assignments.mapping.js';
import * as repo from './assignments.repo.js';
import { listEvidence, toEvidenceFile } from './evidence.repo.js';
import { createAutosave, type LinkTarget } from './portal.autosave.js';
import { editableOnly, invalidLink, linkActor, linkGone } from './portal.refusals.js';

const toAnswer = (r: repo.AnswerRow): PortalAnswer => ({
  questionId: r.questionId,
  value: r.value as PortalAnswer['value'],
  revision: r.revision,
  updatedAt: r.updatedAt.toISOString(),
});

export interface Session {
  orgId: string;
  organisation: string;
  row: repo.AssignmentRow;
  /** Its answers as they were when the request began (for writes: read under the lock). */
  answers: repo.AnswerRow[];
  definition: TemplateDefinition;
  actor: Actor;
}

/**
 * The supplier portal: everything a secret link may do, and nothing else. The link is looked up by its
 * SHA-256 through a definer function (before any tenant is known); everything after runs inside the link's
 * organisation and is confined to its one assignment.
 */
export const createPortalService = ({
  db,
  definitionOf,
  kickAudit,
}: {
  db: Db;
  definitionOf: DefinitionOf;
  /** Links an autosave's queued audit event into the chain once it has committed (AuditQueue.kick). */
  kickAudit: (orgId: string) => void;
}) => {
  // Where a link hash leads never changes (a link is made for one assignment and never moved; an assignment
  // keeps its template version), so it is kept for the 10,000 links used last: an autosave then needs no
  // read before its one statement. The supplier's name is kept for the audit trail's actor label and checked
  // by every write. Whether the link still works is never kept: each request reads it under its lock.
  const targets = new LRUCache<string, LinkTarget>({ max: 10_000 });
  const targetOf = async (tokenHash: string): Promise<LinkTarget | undefined> => {
    const kept = targets.get(tokenHash);
    if (kept) return kept;
    const link = await repo.findPortalLink(db, tokenHash);
    if (!link) return undefined;
    const found = await withTenant(db, link.orgId, (tx) =>
      repo.findPortalTarget(tx, link.orgId, link.assignmentId),
    );
    if (!found) return undefined;
    const target = { ...link, ...found };
    targets.set(tokenHash, target);
    return target;
  };
  const keepName = (tokenHash: string, supplierName: string) => {
    const kept = targets.get(tokenHash);
    if (kept && kept.supplierName !== supplierName) targets.set(tokenHash, { ...kept, supplierName });
  };

  /** Resolves a link, or says plainly why it cannot be used. */
  const open = async <T>(
    token: string,
    fn: (tx: Tx, s: Session) => Promise<T>,
    /**
     * Writes lock the assignment row first: a save, an upload, a submit and the officer's accept or return
     * then run one after another, so none of them acts on a status another has just changed, and the link's
     * state is read under that lock (a link revoked a moment before cannot still write).
     */
    { write = false }: { write?: boolean } = {},
  ): Promise<T> => {
    const tokenHash = sha256Hex(token);
    const target = await targetOf(tokenHash);
    if (!target) throw invalidLink();
    return withTenant(db, target.orgId, async (tx) => {
      const opened = await repo.openForPortal(tx, target.orgId, target.assignmentId, tokenHash, {
        lock: write,
      });
      if (!opened) throw invalidLink();
      const { row, organisation, linkState, answers } = opened;
      if (linkState !== 'live') throw linkGone(linkState, organisation);
      keepName(tokenHash, row.supplierName);
      const definition = await definitionOf(tx, target.orgId, row.templateId);
      const actor = linkActor(row.id, row.supplierName);
      return fn(tx, { orgId: target.orgId, organisation, row, answers, definition, actor });
    });
  };

  const editable = (s: Session) => editableOnly(s.row.status);

  const saveAnswer = createAutosave({
    db,
    definitionOf,
    targetOf,
    keepName,
    refuseAsTheLinkWould: (token) => open(token, async (_tx, s) => editable(s)),
    kickAudit,
  });

  return {
    /** For the portal's other parts (evidence): resolve a link, refuse a questionnaire no longer editable. */
    open,
    editableOnly: editable,

    async get(token: string): Promise<PortalQuestionnaire> {
      return open(token, async (tx, s) => {
        const answers = s.answers;
        return {
          organisation: s.organisation,
          supplierName: s.row.supplierName,
          status: s.row.status,
          dueDate: s.row.dueDate,
          submittedAt: s.row.submittedAt?.toISOString() ?? null,
          message: s.row.message,
          locale: (s.row.locale as Locale | null) ?? null,
          // Open means the supplier may still change it.
          editable: isOpenAssignmentStatus(s.row.status),
          definition: s.definition,
          answers: answers.map(toAnswer),
          reviewComments: s.row.status === 'returned' ? s.row.reviewComments : {},
          evidence: (await listEvidence(tx, s.orgId, s.row.id)).map(toEvidenceFile),
          progress: answerProgress(s.definition, answerMapOf(answers)),
        };
      });
    },

    /** Saves (or with null clears) one answer: see portal.autosave.ts. */
    saveAnswer: (token: string, questionId: string, input: PortalAnswerSave) =>
      saveAnswer(token, questionId, input),

    async chooseLocale(token: string, locale: Locale) {
      return open(
        token,
        async (tx, s) => {
          if (!s.definition.locales.includes(locale)) {
            throw new AppError('validation_failed', 'This questionnaire is not available in that language', [
              { path: 'locale', message: `Choose one of: ${s.definition.locales.join(', ')}` },
            ]);
          }
          editable(s);
          if (s.row.locale !== locale) {
            // The row is locked: the guarded update cannot miss.
            if (!(await repo.updateAssignment(tx, s.orgId, s.row.id, s.row.revision, { locale }))) {
              throw new AppError(
                'conflict',
                'The questionnaire changed meanwhile: reload it and choose again.',
              );
            }
            await appendAuditEvent(tx, s.orgId, s.actor, {
              action: 'assignment.locale_chosen',
              entityType: 'assignment',
              entityId: s.row.id,
              payload: { locale },
            });
          }
          return { ok: true as const };
        },
        { write: true },
      );
    },

    /**
     * Submits: every visible required question must have an answer (each missing one is named, by question
     * id, so the portal can jump to it). Status and audit commit together, or nothing does.
     */
    async submit(token: string) {
      return open(
        token,
        async (tx, s) => {
          editable(s);
          const answers = answerMapOf(s.answers);
          const missing = missingRequired(s.definition, answers);
          if (missing.length > 0) {
            throw new AppError(
              'validation_failed',
              `${missing.length === 1 ? 'One required question is' : `${missing.length} required questions are`} not answered yet`,
              missing.map((m) => ({ path: m.questionId, message: 'This question needs an answer' })),
            );
          }
          const ok = await repo.updateAssignment(tx, s.orgId, s.row.id, s.row.revision, {
            status: 'submitted',
            submittedAt: new Date(),
          });
          if (!ok)
            throw new AppError('conflict', 'The questionnaire changed while you submitted it: try again.');
          const progress = answerProgress(s.definition, answers);
          await appendAuditEvent(tx, s.orgId, s.actor, {
            action: 'assignment.submitted',
            entityType: 'assignment',
            entityId: s.row.id,
            payload: { answered: progress.answered, required: progress.required },
          });
          return { ok: true as const, status: 'submitted' as const };
        },
        { write: true },
      );
    },
  };
};

export type PortalService = ReturnType<typeof createPortalService>;

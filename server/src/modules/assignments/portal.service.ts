import { createHash } from 'node:crypto';
import { answerProgress, missingRequired } from '#shared/domain/questionnaires/progress.js';
import { findQuestion } from '#shared/domain/questionnaires/questions.js';
import { isOpenAssignmentStatus } from '#shared/schemas/assignments.js';
import type { PortalAnswer, PortalAnswerSave, PortalQuestionnaire } from '#shared/schemas/portal.js';
import { answerValueSchemaFor } from '#shared/schemas/questionnaire-answers.js';
import type { Locale, TemplateDefinition } from '#shared/schemas/questionnaires.js';
import type { Db, Tx } from '../../db/client.js';
import { withTenant } from '../../db/tenant.js';
import { AppError, notFound } from '../../lib/app-error.js';
import type { Actor } from '../../lib/context.js';
import { sha256Hex } from '../../lib/tokens.js';
import { appendAuditEvent } from '../audit/audit-append.js';
import { queueAuditEvent } from '../audit/audit-deferred.js';
import type { DefinitionOf } from './assignments.definitions.js';
import { answerMapOf } from './assignments.mapping.js';
import * as repo from './assignments.repo.js';
import { evidenceIdsFor, listEvidence, toEvidenceFile } from './evidence.repo.js';

const toAnswer = (r: repo.AnswerRow): PortalAnswer => ({
  questionId: r.questionId,
  value: r.value as PortalAnswer['value'],
  revision: r.revision,
  updatedAt: r.updatedAt.toISOString(),
});

const valueDigest = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');

export interface Session {
  orgId: string;
  organisation: string;
  row: repo.AssignmentRow;
  /** Its answers as they were when the request began (for writes: read under the lock). */
  answers: repo.AnswerRow[];
  definition: TemplateDefinition;
  actor: Actor;
}

/** Links remembered per process (hash → where it leads); the oldest goes first beyond this. */
const MAX_KEPT_LINKS = 10_000;

/**
 * The supplier portal: everything a secret link may do, and nothing else. The link is looked up by its
 * SHA-256 through a definer function (before any tenant is known); everything after runs inside the link's
 * organisation and is confined to its one assignment.
 */
export const createPortalService = ({ db, definitionOf }: { db: Db; definitionOf: DefinitionOf }) => {
  // Which organisation and assignment a link hash leads to never changes (a link is made for one assignment
  // and never moved), so it is kept: an autosave then goes straight into its organisation. Whether the link
  // still works is not kept: it is read again inside every request's transaction (openForPortal).
  const links = new Map<string, { orgId: string; assignmentId: string }>();
  const whereLinkLeads = async (tokenHash: string) => {
    const kept = links.get(tokenHash);
    if (kept) return kept;
    const link = await repo.findPortalLink(db, tokenHash);
    if (!link) return undefined;
    if (links.size >= MAX_KEPT_LINKS) links.delete(links.keys().next().value!);
    const leads = { orgId: link.orgId, assignmentId: link.assignmentId };
    links.set(tokenHash, leads);
    return leads;
  };
  const invalid = () =>
    new AppError(
      'not_found',
      'This questionnaire link is not valid. It may have been mistyped or replaced by a newer link: ask the company that sent it for a new one.',
    );

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
    const leads = await whereLinkLeads(tokenHash);
    if (!leads) throw invalid();
    return withTenant(db, leads.orgId, async (tx) => {
      const opened = await repo.openForPortal(tx, leads.orgId, leads.assignmentId, tokenHash, {
        lock: write,
      });
      if (!opened) throw invalid();
      const { row, organisation, linkState, answers } = opened;
      if (linkState !== 'live') {
        throw new AppError(
          'gone',
          linkState === 'revoked'
            ? `${organisation} has withdrawn this link. If you still need to answer, ask them for a new one.`
            : `This link has expired. Ask ${organisation} for a new one; the answers you saved are kept.`,
        );
      }
      const definition = await definitionOf(tx, leads.orgId, row.templateId);
      const actor: Actor = {
        type: 'supplier_link',
        id: row.id,
        label: `${row.supplierName} (questionnaire link)`,
      };
      return fn(tx, { orgId: leads.orgId, organisation, row, answers, definition, actor });
    });
  };

  const editableOnly = (s: Session) => {
    if (!isOpenAssignmentStatus(s.row.status)) {
      throw new AppError(
        'unprocessable',
        s.row.status === 'accepted'
          ? 'This questionnaire was accepted: it can no longer be changed.'
          : 'This questionnaire was submitted: it can be changed again only if it is returned to you.',
      );
    }
  };

  /** The first save moves a sent questionnaire to "in progress" (kept in the same transaction). */
  const markStarted = (tx: Tx, s: Session) =>
    s.row.status === 'sent'
      ? repo.updateAssignment(tx, s.orgId, s.row.id, s.row.revision, { status: 'in_progress' })
      : undefined;

  return {
    /** For the portal's other parts (evidence): resolve a link, refuse a questionnaire no longer editable. */
    open,
    editableOnly,

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

    /**
     * Saves one answer (autosave). `revision` names the version the portal last saw: a save from an older one
     * (another tab saved meanwhile) answers 409 with the answer as it is now, so nothing is lost silently.
     */
    async saveAnswer(token: string, questionId: string, input: PortalAnswerSave) {
      return open(
        token,
        async (tx, s) => {
          editableOnly(s);
          const question = findQuestion(s.definition, questionId);
          if (!question) throw notFound('Question', questionId);
          const existing = s.answers.find((x) => x.questionId === questionId);
          const stale = async () => {
            const current = await repo.findAnswer(tx, s.orgId, s.row.id, questionId);
            return new AppError(
              'conflict',
              'This answer was changed in another window after you loaded it. Choose which answer to keep.',
              undefined,
              current ? { ...toAnswer(current), id: current.id } : undefined,
            );
          };
          const progressWith = (saved: repo.AnswerRow | undefined) =>
            answerProgress(
              s.definition,
              answerMapOf([
                ...s.answers.filter((x) => x.questionId !== questionId),
                ...(saved ? [saved] : []),
              ]),
            );
          if (input.value === null && !existing) return { answer: null, progress: progressWith(undefined) };
          let value: unknown = null;
          if (input.value !== null) {
            const parsed = answerValueSchemaFor(question).safeParse(input.value);
            if (!parsed.success) {
              const message = parsed.error.issues[0]?.message ?? 'Not a valid answer';
              throw new AppError('validation_failed', message, [{ path: 'value', message }]);
            }
            if (question.type === 'file') {
              // A file answer lists only files uploaded to this questionnaire, for this question.
              const ids = parsed.data as string[];
              const own = await evidenceIdsFor(tx, s.orgId, s.row.id, questionId, ids);
              if (ids.some((id) => !own.has(id))) {
                const message = 'Upload the file to this question first';
                throw new AppError('validation_failed', message, [{ path: 'value', message }]);
              }
            }
            value = parsed.data;
          }
          if (input.revision !== existing?.revision) throw await stale();
          // The answer, the status and the audit event are sent together and awaited once: the event does not
          // depend on what the write answers (the revision it makes is known), and if the write finds that
          // another tab saved first, the transaction is rolled back with the event in it.
          const revision = (existing?.revision ?? 0) + 1;
          const write: Promise<repo.AnswerRow | boolean | undefined> =
            input.value === null
              ? repo.deleteAnswer(tx, s.orgId, existing!.id, existing!.revision)
              : existing
                ? repo.updateAnswer(tx, s.orgId, existing.id, existing.revision, value)
                : repo.insertAnswer(tx, { orgId: s.orgId, assignmentId: s.row.id, questionId, value });
          const [written] = await Promise.all([
            write,
            markStarted(tx, s),
            queueAuditEvent(tx, s.orgId, s.actor, {
              action: 'assignment.answer_saved',
              entityType: 'assignment',
              entityId: s.row.id,
              payload: {
                questionId,
                revision: input.value === null ? 0 : revision,
                cleared: input.value === null,
                valueSha256: input.value === null ? null : valueDigest(value),
              },
            }),
          ]);
          // Nothing written (false, or no row): another tab saved first.
          if (!written) throw await stale();
          const saved = typeof written === 'object' ? written : undefined;
          return { answer: saved ? toAnswer(saved) : null, progress: progressWith(saved) };
        },
        { write: true },
      );
    },

    async chooseLocale(token: string, locale: Locale) {
      return open(
        token,
        async (tx, s) => {
          if (!s.definition.locales.includes(locale)) {
            throw new AppError('validation_failed', 'This questionnaire is not available in that language', [
              { path: 'locale', message: `Choose one of: ${s.definition.locales.join(', ')}` },
            ]);
          }
          editableOnly(s);
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
          editableOnly(s);
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

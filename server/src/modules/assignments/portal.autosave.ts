import { createHash } from 'node:crypto';
import { answerProgress } from '#shared/domain/questionnaires/progress.js';
import { findQuestion } from '#shared/domain/questionnaires/questions.js';
import type { PortalAnswer, PortalAnswerSave, PortalAnswerSaved } from '#shared/schemas/portal.js';
import { answerValueSchemaFor } from '#shared/schemas/questionnaire-answers.js';
import type { TemplateDefinition } from '#shared/schemas/questionnaires.js';
import type { Db } from '../../db/client.js';
import { withTenant } from '../../db/tenant.js';
import { AppError, notFound } from '../../lib/app-error.js';
import { sha256Hex } from '../../lib/tokens.js';
import { pendingAuditRow } from '../audit/audit-deferred.js';
import type { DefinitionOf } from './assignments.definitions.js';
import { answerMapOf } from './assignments.mapping.js';
import { editableOnly, invalidLink, linkActor, linkGone } from './portal.refusals.js';
import { type SavedAnswerJson, saveAnswerAtOnce } from './portal-save.repo.js';

/** Where a link leads, as the portal keeps it per process (portal.service.ts). */
export interface LinkTarget {
  orgId: string;
  assignmentId: string;
  templateId: string;
  supplierName: string;
}

interface Deps {
  db: Db;
  definitionOf: DefinitionOf;
  /** The link's target (kept, or looked up); undefined for a link that never existed. */
  targetOf: (tokenHash: string) => Promise<LinkTarget | undefined>;
  /** Remembers the supplier's name as it is now (a rename since the target was kept). */
  keepName: (tokenHash: string, supplierName: string) => void;
  /**
   * Opens the questionnaire the slower way and throws what the link or its status refuses (gone, no longer
   * editable): an answer the autosave refuses must not say more than the link itself would.
   */
  refuseAsTheLinkWould: (token: string) => Promise<void>;
  /** Links the save's queued audit event into the chain once it has committed (AuditQueue.kick). */
  kickAudit: (orgId: string) => void;
}

const toAnswer = (x: SavedAnswerJson): PortalAnswer => ({
  questionId: x.questionId,
  value: x.value as PortalAnswer['value'],
  revision: x.revision,
  updatedAt: new Date(x.updatedAt).toISOString(),
});

const valueDigest = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');

const invalidValue = (message: string) =>
  new AppError('validation_failed', message, [{ path: 'value', message }]);

// A rename between keeping the supplier's name and saving is answered by saving again with the new name;
// twice in a row means something keeps renaming it.
const ATTEMPTS = 3;

/**
 * The portal's autosave: one answer, in one statement (portal_save_answer(), migration 0030) besides the
 * rate limit, because it is what 200 suppliers do at once. What needs the questionnaire's definition is done
 * here first, from the process's parsed copy (which question, whether the value is valid for it); what needs
 * the rows (the link's state under the assignment's lock, the status, the revision, the write, the audit
 * event) is done by the function, in the order the transaction did it. Same answers, same audit trail.
 * `revision` names the version the portal last saw: a save from an older one answers 409 with the answer as
 * it is now, so nothing is lost silently.
 */
export const createAutosave = ({
  db,
  definitionOf,
  targetOf,
  keepName,
  refuseAsTheLinkWould,
  kickAudit,
}: Deps) => {
  const definitionFor = async (t: LinkTarget): Promise<TemplateDefinition> =>
    definitionOf.kept(t.orgId, t.templateId) ??
    (await withTenant(db, t.orgId, (tx) => definitionOf(tx, t.orgId, t.templateId)));

  /** The value as stored (null clears), or the refusal: the link's own first, then the answer's. */
  const checkedValue = async (
    token: string,
    definition: TemplateDefinition,
    questionId: string,
    value: unknown,
  ) => {
    const question = findQuestion(definition, questionId);
    const parsed = question && value !== null ? answerValueSchemaFor(question).safeParse(value) : undefined;
    if (question && (!parsed || parsed.success)) return { question, value: parsed ? parsed.data : null };
    await refuseAsTheLinkWould(token);
    if (!question) throw notFound('Question', questionId);
    throw invalidValue(parsed?.error?.issues[0]?.message ?? 'Not a valid answer');
  };

  return async (token: string, questionId: string, input: PortalAnswerSave): Promise<PortalAnswerSaved> => {
    const tokenHash = sha256Hex(token);
    for (let attempt = 1; ; attempt++) {
      const target = await targetOf(tokenHash);
      if (!target) throw invalidLink();
      const definition = await definitionFor(target);
      const { question, value } = await checkedValue(token, definition, questionId, input.value);
      const audit = pendingAuditRow(target.orgId, linkActor(target.assignmentId, target.supplierName), {
        action: 'assignment.answer_saved',
        entityType: 'assignment',
        entityId: target.assignmentId,
        payload: {
          questionId,
          // The function writes only over the revision the supplier saw, so the new one is known now.
          revision: value === null ? 0 : (input.revision ?? 0) + 1,
          cleared: value === null,
          valueSha256: value === null ? null : valueDigest(value),
        },
      });
      const r = await saveAnswerAtOnce(db, {
        tokenHash,
        orgId: target.orgId,
        assignmentId: target.assignmentId,
        supplierName: target.supplierName,
        questionId,
        revision: input.revision,
        value,
        evidenceIds: question.type === 'file' && value !== null ? (value as string[]) : undefined,
        audit,
      });
      const progressOf = (answers: SavedAnswerJson[]) => answerProgress(definition, answerMapOf(answers));
      switch (r.outcome) {
        case 'saved':
          kickAudit(target.orgId);
          return { answer: r.answer ? toAnswer(r.answer) : null, progress: progressOf(r.answers) };
        case 'unchanged':
          return { answer: null, progress: progressOf(r.answers) };
        case 'stale':
          throw new AppError(
            'conflict',
            'This answer was changed in another window after you loaded it. Choose which answer to keep.',
            undefined,
            r.current ? { ...toAnswer(r.current), id: r.current.id } : undefined,
          );
        case 'invalid':
          throw invalidLink();
        case 'expired':
        case 'revoked':
          throw linkGone(r.outcome, r.organisation ?? '');
        case 'not_editable':
          editableOnly(r.status);
          throw new Error(`portal_save_answer() refused status ${r.status}, which is open`);
        case 'evidence_not_own':
          throw invalidValue('Upload the file to this question first');
        case 'renamed':
          keepName(tokenHash, r.supplierName);
          if (attempt < ATTEMPTS) continue;
          throw new AppError('conflict', 'The questionnaire changed while you saved: try again.');
      }
    }
  };
};

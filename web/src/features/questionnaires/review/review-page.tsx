import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { Locale } from '#shared/schemas/questionnaire-locales.js';
import type { TemplateDefinition } from '#shared/schemas/questionnaires.js';
import { Alert } from '../../../components/ui/alert.js';
import { PageHeader } from '../../../components/ui/page-header.js';
import { describeError } from '../../../lib/form-errors.js';
import { canManageTemplates, canSendQuestionnaires } from '../../auth/permissions.js';
import { useCurrentSession } from '../../auth/session-context.js';
import { useTemplate } from '../api.js';
import { RemindersList } from '../components/reminders-list.js';
import { LOCALE_LABELS } from '../labels.js';
import { AcceptedResult } from './accepted-result.js';
import { ReviewAnswers } from './review-answers.js';
import { useAssignmentAnswers, useAssignmentPreview } from './review-api.js';
import { type Accepted, AcceptedSummary, ReviewDecision } from './review-decision.js';
import { ReviewFacts } from './review-header.js';
import { ScorePreviewPanel } from './score-preview.js';
import '../../suppliers/suppliers.css';
import './review.css';

/** The officer's language if the template has it (the dashboard is in the browser's), else the template's. */
const preferredLocale = (def: TemplateDefinition): Locale => {
  const wanted = (globalThis.navigator?.language ?? '').slice(0, 2).toLowerCase();
  return (def.locales as string[]).includes(wanted) ? (wanted as Locale) : def.defaultLocale;
};

/** One submitted questionnaire under review: the answers beside their questions, the score preview, the decision. */
export function ReviewPage() {
  const { id = '' } = useParams();
  const session = useCurrentSession();
  const review = useAssignmentAnswers(id);
  const assignment = review.data?.assignment;
  const template = useTemplate(assignment?.templateId);
  const [comments, setComments] = useState<Record<string, string>>({});
  const [evidence, setEvidence] = useState<ReadonlySet<string>>(new Set());
  // What accepting just did, shown until the person leaves (the reloaded page shows the stored result).
  const [accepted, setAccepted] = useState<Accepted | null>(null);
  const [chosenLocale, setChosenLocale] = useState<Locale | null>(null);
  const deciding = Boolean(
    !accepted && assignment && assignment.status === 'submitted' && canManageTemplates(session.role),
  );
  const preview = useAssignmentPreview(id, [...evidence], deciding);

  if (review.isError) {
    return (
      <>
        <PageHeader title="Questionnaire review" />
        <Alert tone="error" title="This questionnaire could not be loaded">
          {describeError(review.error)}
        </Alert>
      </>
    );
  }
  if (!review.data || !assignment || !template.data) {
    return (
      <p className="loading-text" role="status">
        Loading the answers…
      </p>
    );
  }
  const definition = template.data.definition;
  const locale =
    chosenLocale && definition.locales.includes(chosenLocale) ? chosenLocale : preferredLocale(definition);

  return (
    <div className="review-page">
      <PageHeader
        title={`Review: ${assignment.supplierName}`}
        description={
          <>
            <Link to={`/suppliers/${encodeURIComponent(assignment.supplierId)}`}>
              {assignment.supplierName}
            </Link>
            {' · '}
            {assignment.templateName} v{assignment.templateVersion}
          </>
        }
      />
      <ReviewFacts assignment={assignment} />
      <RemindersList assignment={assignment} canStopRecurrence={canSendQuestionnaires(session.role)} />
      {definition.locales.length > 1 ? (
        <p className="review-locale">
          <label className="field-label" htmlFor="review-locale">
            Read the questions in
          </label>{' '}
          <select
            id="review-locale"
            className="input select"
            value={locale}
            onChange={(e) => setChosenLocale(e.target.value as Locale)}
          >
            {definition.locales.map((l) => (
              <option key={l} value={l}>
                {LOCALE_LABELS[l]}
              </option>
            ))}
          </select>
          {assignment.locale && assignment.locale !== locale ? (
            <span className="muted"> The supplier answered in {LOCALE_LABELS[assignment.locale]}.</span>
          ) : null}
        </p>
      ) : null}
      {assignment.status !== 'submitted' && assignment.status !== 'accepted' ? (
        <Alert tone="info">
          {assignment.status === 'returned'
            ? 'Returned to the supplier: the answers can be reviewed again once they resubmit.'
            : 'The supplier has not submitted this questionnaire yet: these are their answers so far.'}
        </Alert>
      ) : null}
      <div className="review-grid">
        <div className="review-main">
          <ReviewAnswers
            assignmentId={assignment.id}
            definition={definition}
            locale={locale}
            answers={review.data.answers}
            evidence={review.data.evidence}
            sentComments={review.data.reviewComments}
            deciding={
              deciding
                ? {
                    comments,
                    onComment: (q, text) => setComments((c) => ({ ...c, [q]: text })),
                    evidenceAccepted: evidence,
                    onEvidence: (q, on) =>
                      setEvidence((s) => {
                        const next = new Set(s);
                        if (on) next.add(q);
                        else next.delete(q);
                        return next;
                      }),
                  }
                : undefined
            }
          />
        </div>
        <aside className="review-side" aria-label="Decision">
          {accepted ? (
            <AcceptedSummary accepted={accepted} />
          ) : deciding ? (
            <>
              <ScorePreviewPanel
                preview={preview.data}
                error={preview.error}
                refreshing={preview.isFetching}
              />
              <ReviewDecision
                assignment={assignment}
                comments={comments}
                evidenceAccepted={evidence}
                preview={preview.data}
                onStale={() => void review.refetch()}
                onReturned={() => setComments({})}
                onAccepted={setAccepted}
              />
            </>
          ) : assignment.status === 'accepted' ? (
            <AcceptedResult assignment={assignment} findings={review.data.findings} />
          ) : null}
        </aside>
      </div>
    </div>
  );
}

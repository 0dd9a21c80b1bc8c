import { useId } from 'react';
import type { z } from 'zod';
import { answerLabel, scoreAnswer } from '#shared/domain/questionnaires/criterion-answers.js';
import { textIn } from '#shared/domain/questionnaires/questions.js';
import { isVisible } from '#shared/domain/questionnaires/visibility.js';
import type { ReviewAnswerSchema } from '#shared/schemas/assignments.js';
import type { EvidenceFile } from '#shared/schemas/evidence.js';
import type { AnswerMap } from '#shared/schemas/questionnaire-answers.js';
import type { Locale } from '#shared/schemas/questionnaire-locales.js';
import type { Question, TemplateDefinition } from '#shared/schemas/questionnaires.js';
import { Badge } from '../../../components/ui/badge.js';
import { EvidenceList } from './evidence-list.js';

type ReviewAnswer = z.infer<typeof ReviewAnswerSchema>;

/** A policy key as words: `identity_documents_retained` → "Identity documents retained". */
export const keyWords = (key: string) => {
  const words = key.replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
};

export interface ReviewAnswersProps {
  assignmentId: string;
  definition: TemplateDefinition;
  locale: Locale;
  answers: readonly ReviewAnswer[];
  evidence: readonly EvidenceFile[];
  /** The comments sent back last time, per question (shown on a returned or resubmitted questionnaire). */
  sentComments: Readonly<Record<string, string>>;
  /** Present while the officer can still decide: comment fields and evidence boxes are shown. */
  deciding?: {
    comments: Readonly<Record<string, string>>;
    onComment: (questionId: string, text: string) => void;
    evidenceAccepted: ReadonlySet<string>;
    onEvidence: (questionId: string, accepted: boolean) => void;
  };
}

/** Each question beside the supplier's answer, section by section as the template has them. */
export function ReviewAnswers(props: ReviewAnswersProps) {
  const { definition, locale, answers } = props;
  const byQuestion = new Map(answers.map((a) => [a.questionId, a]));
  const answerMap = Object.fromEntries(answers.map((a) => [a.questionId, a.value])) as AnswerMap;
  return (
    <div className="review-sections">
      {definition.sections.map((section) => {
        // Questions the supplier was never asked (hidden, unanswered) are left out: nothing to review.
        const shown = section.questions.filter(
          (q) => byQuestion.has(q.id) || isVisible(definition, q.id, answerMap),
        );
        if (shown.length === 0) return null;
        return (
          <section key={section.id} className="panel review-section" aria-labelledby={`sec-${section.id}`}>
            <h2 className="panel-title" id={`sec-${section.id}`}>
              {textIn(section.title, locale, definition)}
            </h2>
            <ol className="review-questions">
              {shown.map((q) => (
                <ReviewQuestion key={q.id} question={q} answer={byQuestion.get(q.id)} {...props} />
              ))}
            </ol>
          </section>
        );
      })}
    </div>
  );
}

function ReviewQuestion({
  question: q,
  answer,
  assignmentId,
  definition,
  locale,
  evidence,
  sentComments,
  deciding,
}: ReviewAnswersProps & { question: Question; answer: ReviewAnswer | undefined }) {
  const id = useId();
  const files = evidence.filter((f) => f.questionId === q.id);
  const redFlag = answer?.counted ? (scoreAnswer(q, answer.value)?.redFlag ?? null) : null;
  const classes = [
    'review-question',
    redFlag ? 'is-red-flag' : '',
    answer && !answer.counted ? 'is-hidden' : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <li className={classes} data-question={q.id}>
      <p className="review-q-label" id={`${id}-q`}>
        {textIn(q.label, locale, definition)}
        {q.required ? <span className="muted"> (required)</span> : null}
      </p>
      <div className="review-q-answer">
        {!answer ? (
          <span className="muted">Not answered</span>
        ) : q.type === 'file' ? null /* its value is the files' ids: the files are listed below */ : (
          <span className="review-value">{answerLabel(q, answer.value, locale)}</span>
        )}
        {answer && !answer.counted ? (
          <Badge tone="neutral">Not counted: hidden by an earlier answer</Badge>
        ) : null}
        {redFlag ? <Badge tone="danger">Red flag: {keyWords(redFlag)}</Badge> : null}
      </div>
      {files.length > 0 ? <EvidenceList assignmentId={assignmentId} files={files} /> : null}
      {deciding && files.length > 0 && answer ? (
        <label className="review-evidence-check">
          <input
            type="checkbox"
            checked={deciding.evidenceAccepted.has(q.id)}
            onChange={(e) => deciding.onEvidence(q.id, e.target.checked)}
          />{' '}
          Accept this evidence (the answer counts in full)
        </label>
      ) : null}
      {sentComments[q.id] ? (
        <p className="review-sent-comment">
          <strong>Comment sent to the supplier:</strong> {sentComments[q.id]}
        </p>
      ) : null}
      {deciding ? (
        <details className="review-comment" open={Boolean(deciding.comments[q.id])}>
          <summary>Comment for the supplier</summary>
          <label className="field-label" htmlFor={`${id}-c`}>
            What should the supplier change or add?
          </label>
          <textarea
            id={`${id}-c`}
            className="input textarea"
            rows={2}
            maxLength={1000}
            aria-describedby={`${id}-q`}
            value={deciding.comments[q.id] ?? ''}
            onChange={(e) => deciding.onComment(q.id, e.target.value)}
          />
        </details>
      ) : null}
    </li>
  );
}

import type { ReactNode } from 'react';
import { textIn } from '#shared/domain/questionnaires/questions.js';
import { resolveVisibility } from '#shared/domain/questionnaires/visibility.js';
import type { AnswerMap, AnswerValue } from '#shared/schemas/questionnaire-answers.js';
import type { Locale } from '#shared/schemas/questionnaire-locales.js';
import type { Question, TemplateDefinition } from '#shared/schemas/questionnaires.js';
import { AnswerField } from './answer-field.js';
import { portalText } from './portal-text.js';
import './answer-fields.css';
import type { FrameIds } from './question-frame.js';

export interface QuestionnaireViewProps {
  definition: TemplateDefinition;
  locale: Locale;
  answers: AnswerMap;
  onAnswer: (questionId: string, value: AnswerValue | undefined) => void;
  errors?: Readonly<Record<string, string>>;
  disabled?: boolean;
  /** The title and description as its heading (the preview); false where the page shows them itself (the portal). */
  showTitle?: boolean;
  renderFiles?: (question: Question, ids: FrameIds) => ReactNode;
  /** Per question, above and below its control (the portal: review comments, save state, evidence). */
  renderBefore?: (question: Question) => ReactNode;
  renderAfter?: (question: Question) => ReactNode;
}

/**
 * The questionnaire as the supplier sees it: sections in order, each with its questions that show given the
 * answers so far (resolveVisibility, the one showIf evaluator the server and scoring use too). A section
 * whose questions are all hidden is left out.
 */
export function QuestionnaireView(props: QuestionnaireViewProps) {
  const { definition: def, locale, answers } = props;
  const visible = new Set(resolveVisibility(def, answers).questions.map((q) => q.id));
  const sections = def.sections
    .map((section) => ({ section, questions: section.questions.filter((q) => visible.has(q.id)) }))
    .filter((s) => s.questions.length > 0);
  return (
    <div className="questionnaire" lang={locale}>
      {props.showTitle === false ? null : (
        <>
          <h2 className="questionnaire-title">{textIn(def.title, locale, def)}</h2>
          {def.description ? (
            <p className="questionnaire-description">{textIn(def.description, locale, def)}</p>
          ) : null}
        </>
      )}
      {sections.length === 0 ? <p className="muted">{portalText(locale).noQuestions}</p> : null}
      {sections.map(({ section, questions }) => (
        <section key={section.id} className="questionnaire-section" aria-labelledby={`qs-${section.id}`}>
          <h3 className="questionnaire-section-title" id={`qs-${section.id}`}>
            {textIn(section.title, locale, def)}
          </h3>
          {section.description ? <p className="muted">{textIn(section.description, locale, def)}</p> : null}
          {questions.map((q) => (
            <AnswerField
              key={q.id}
              question={q}
              definition={def}
              locale={locale}
              value={answers[q.id]}
              onChange={(value) => props.onAnswer(q.id, value)}
              error={props.errors?.[q.id]}
              disabled={props.disabled}
              anchorId={`answer-${q.id}`}
              renderFiles={props.renderFiles ? (ids) => props.renderFiles?.(q, ids) : undefined}
              before={props.renderBefore?.(q)}
              after={props.renderAfter?.(q)}
            />
          ))}
        </section>
      ))}
    </div>
  );
}

import { findQuestion, textIn } from '#shared/domain/questionnaires/questions.js';
import type { Locale, TemplateDefinition } from '#shared/schemas/questionnaires.js';
import { focusQuestion } from '../lib/portal-format.js';

/** Links that jump to a question and put the keyboard in it, each with a note (a comment, "needs an answer"). */
export function QuestionLinks({
  items,
  definition,
  locale,
}: {
  items: { questionId: string; note?: string | undefined }[];
  definition: TemplateDefinition;
  locale: Locale;
}) {
  return (
    <ul className="portal-question-links">
      {items.map(({ questionId, note }) => {
        const q = findQuestion(definition, questionId);
        return (
          <li key={questionId}>
            <a
              href={`#answer-${questionId}`}
              lang={locale}
              onClick={(e) => {
                e.preventDefault();
                focusQuestion(questionId);
              }}
            >
              {q ? textIn(q.label, locale, definition) : questionId}
            </a>
            {note ? <p className="portal-question-note">{note}</p> : null}
          </li>
        );
      })}
    </ul>
  );
}

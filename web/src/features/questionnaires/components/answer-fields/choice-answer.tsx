import { useId } from 'react';
import { optionIdsOf, optionLabel } from '#shared/domain/questionnaires/questions.js';
import type { AnswerValue } from '#shared/schemas/questionnaire-answers.js';
import type { Locale } from '#shared/schemas/questionnaire-locales.js';
import type { ChoiceQuestion } from '#shared/schemas/questionnaires.js';
import type { FrameIds } from './question-frame.js';

export interface ChoiceAnswerProps {
  question: ChoiceQuestion;
  locale: Locale;
  value: AnswerValue | undefined;
  onChange: (value: AnswerValue | undefined) => void;
  ids: FrameIds;
  disabled?: boolean | undefined;
}

/**
 * Radios for yes/no and one choice, checkboxes for several; each is a native input inside its label, so the
 * whole line is the target and the arrow keys move within a radio group. An exclusive option ("None of
 * these") clears the others when chosen, and is cleared when another is chosen.
 */
export function ChoiceAnswer({ question, locale, value, onChange, ids, disabled }: ChoiceAnswerProps) {
  const name = useId();
  const optionIds = optionIdsOf(question) ?? [];
  const multi = question.type === 'multi_choice';
  const chosen = new Set(Array.isArray(value) ? value : typeof value === 'string' ? [value] : []);
  const exclusive = new Set(
    question.type === 'multi_choice' ? question.options.filter((o) => o.exclusive).map((o) => o.id) : [],
  );

  const toggle = (id: string, checked: boolean) => {
    if (!multi) return onChange(id);
    let next = optionIds.filter((o) => (o === id ? checked : chosen.has(o)));
    if (checked) next = exclusive.has(id) ? [id] : next.filter((o) => !exclusive.has(o));
    onChange(next.length ? next : undefined);
  };

  return (
    <div className={question.type === 'yes_no' ? 'answer-options answer-options-inline' : 'answer-options'}>
      {optionIds.map((id) => (
        <label key={id} className="answer-option">
          <input
            type={multi ? 'checkbox' : 'radio'}
            name={name}
            value={id}
            checked={chosen.has(id)}
            disabled={disabled}
            aria-invalid={ids.invalid}
            onChange={(e) => toggle(id, e.target.checked)}
          />
          <span>{optionLabel(question, id, locale)}</span>
        </label>
      ))}
    </div>
  );
}

import type { ReactNode } from 'react';
import { textIn } from '#shared/domain/questionnaires/questions.js';
import type { AnswerValue } from '#shared/schemas/questionnaire-answers.js';
import type { Locale } from '#shared/schemas/questionnaire-locales.js';
import type { Question, TemplateDefinition } from '#shared/schemas/questionnaires.js';
import { ChoiceAnswer } from './choice-answer.js';
import { portalText } from './portal-text.js';
import { type FrameIds, QuestionFrame } from './question-frame.js';

export interface AnswerFieldProps {
  question: Question;
  definition: Pick<TemplateDefinition, 'defaultLocale'>;
  locale: Locale;
  value: AnswerValue | undefined;
  /** undefined clears the answer. */
  onChange: (value: AnswerValue | undefined) => void;
  error?: string | undefined;
  disabled?: boolean | undefined;
  /** The id of the question's wrapper, to jump to it (e.g. from a list of missing answers). */
  anchorId?: string | undefined;
  /** File questions: the upload control (the portal's); without it the field says where files are uploaded. */
  renderFiles?: ((ids: FrameIds) => ReactNode) | undefined;
  /** Extra content above the control and below it (see QuestionFrame). */
  before?: ReactNode;
  after?: ReactNode;
}

const control = (ids: FrameIds) => ({
  id: ids.control,
  'aria-describedby': ids.describedBy,
  'aria-invalid': ids.invalid,
});

/** One question as the supplier answers it, in `locale`: the same component in the preview and the portal. */
export function AnswerField(props: AnswerFieldProps) {
  const { question: q, definition, locale, value, onChange, disabled } = props;
  const text = portalText(locale);
  const group = q.type === 'yes_no' || q.type === 'single_choice' || q.type === 'multi_choice';
  const hint =
    q.type === 'number' ? text.between(q.min, q.max) : q.type === 'text' ? text.maxLength(q.maxLength) : null;
  const unit = q.type === 'number' && q.unit ? textIn(q.unit, locale, definition) : null;

  const input = (ids: FrameIds): ReactNode => {
    switch (q.type) {
      case 'yes_no':
      case 'single_choice':
      case 'multi_choice':
        return (
          <ChoiceAnswer
            question={q}
            locale={locale}
            value={value}
            onChange={onChange}
            ids={ids}
            disabled={disabled}
          />
        );
      case 'number':
        return (
          <span className="answer-number">
            <input
              className="input input-number"
              type="number"
              inputMode={q.integer ? 'numeric' : 'decimal'}
              step={q.integer ? 1 : 'any'}
              min={q.min}
              max={q.max}
              disabled={disabled}
              required={q.required}
              value={typeof value === 'number' ? value : ''}
              onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.valueAsNumber)}
              {...control(ids)}
            />
            {unit ? <span className="answer-unit">{unit}</span> : null}
          </span>
        );
      case 'text': {
        const common = {
          className: q.multiline ? 'input textarea' : 'input',
          maxLength: q.maxLength,
          disabled,
          required: q.required,
          value: typeof value === 'string' ? value : '',
          onChange: (e: { target: { value: string } }) =>
            onChange(e.target.value === '' ? undefined : e.target.value),
          ...control(ids),
        };
        return q.multiline ? <textarea rows={4} {...common} /> : <input type="text" {...common} />;
      }
      case 'date':
        return (
          <input
            className="input answer-date"
            type="date"
            disabled={disabled}
            required={q.required}
            value={typeof value === 'string' ? value : ''}
            onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}
            {...control(ids)}
          />
        );
      case 'file':
        return props.renderFiles ? (
          props.renderFiles(ids)
        ) : (
          <p className="muted answer-files-note">
            <input type="file" disabled multiple={(q.maxFiles ?? 10) > 1} {...control(ids)} />{' '}
            {text.filesInPortal}
          </p>
        );
    }
  };

  return (
    <QuestionFrame
      group={group}
      label={textIn(q.label, locale, definition)}
      help={q.help ? textIn(q.help, locale, definition) : undefined}
      hint={hint}
      required={q.required}
      evidenceRequested={q.evidenceRequested && q.type !== 'file'}
      error={props.error}
      locale={locale}
      anchorId={props.anchorId}
      before={props.before}
      after={props.after}
    >
      {input}
    </QuestionFrame>
  );
}

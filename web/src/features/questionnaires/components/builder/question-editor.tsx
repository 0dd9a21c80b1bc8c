import { useEffect, useRef, useState } from 'react';
import { useWatch } from 'react-hook-form';
import { placedQuestions, textIn } from '#shared/domain/questionnaires/questions.js';
import type { Locale } from '#shared/schemas/questionnaire-locales.js';
import {
  QUESTION_TYPES,
  type Question,
  type QuestionType,
  type Section,
} from '#shared/schemas/questionnaires.js';
import { Field } from '../../../../components/ui/field.js';
import { QUESTION_TYPE_LABELS } from '../../labels.js';
import { withType } from '../../lib/question-defaults.js';
import { questionAnchor } from '../../lib/template-paths.js';
import { ConditionFields } from './condition-fields.js';
import { fieldPath, useBuilderForm } from './form-types.js';
import { CheckboxInput, KeyInput } from './key-input.js';
import { LocalizedField } from './localized-field.js';
import { MoveButtons } from './move-buttons.js';
import { ScoringFields } from './scoring-fields.js';
import { TypeFields } from './type-fields.js';

/** Where the builder was asked to go (an issue's link): opens that question and focuses the field. */
export interface GoTo {
  section: number;
  question?: number;
  path: string;
  /** Changes on every request, so following the same link twice works. */
  nonce: number;
}

export interface QuestionEditorProps {
  si: number;
  qi: number;
  count: number;
  onMove: (from: number, to: number) => void;
  onRemove: () => void;
  onReplace: (q: Question) => void;
  goTo: GoTo | null;
}

/** Questions placed before this one in the whole template: the only ones a condition may test. */
const earlierQuestions = (sections: Section[], si: number, qi: number): Question[] => {
  const placed = placedQuestions({ sections } as never);
  const self = placed.find((p) => p.sectionIndex === si && p.questionIndex === qi);
  return placed.filter((p) => self && p.order < self.order).map((p) => p.question);
};

/**
 * One question: a summary line (number, label, type, condition) that opens into its fields. Closed questions
 * render no inputs, which keeps a 50-question template quick to edit.
 */
export function QuestionEditor({ si, qi, count, onMove, onRemove, onReplace, goTo }: QuestionEditorProps) {
  const name = `sections.${si}.questions.${qi}`;
  const { getValues } = useBuilderForm();
  const question = useWatch({ name: fieldPath(name) }) as Question;
  const locales = (useWatch({ name: 'locales' }) ?? []) as Locale[];
  const defaultLocale = useWatch({ name: 'defaultLocale' }) as Locale;
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLLIElement>(null);

  // An issue's link asked for a field of this question: open it, then (once its fields exist) focus the field.
  const pending = useRef<string | null>(null);
  useEffect(() => {
    if (!goTo || goTo.section !== si || goTo.question !== qi) return;
    pending.current = goTo.path;
    setOpen(true);
  }, [goTo, si, qi]);
  useEffect(() => {
    if (!open || !pending.current) return;
    const el =
      ref.current?.querySelector<HTMLElement>(`[name="${pending.current}"]`) ??
      ref.current?.querySelector<HTMLElement>('.builder-question-toggle');
    pending.current = null;
    el?.focus();
  });

  if (!question) return null;
  const label = textIn(question.label, defaultLocale, { defaultLocale }) || 'Untitled question';
  const what = `question ${qi + 1}`;
  return (
    <li className="builder-question" id={questionAnchor(si, qi)} ref={ref}>
      <div className="builder-question-head">
        <button
          type="button"
          className="builder-question-toggle"
          aria-expanded={open}
          onClick={() => setOpen((o) => !o)}
        >
          <span className="builder-question-number">{qi + 1}.</span>
          <span className="builder-question-label">{label}</span>
          <span className="builder-question-meta">
            {QUESTION_TYPE_LABELS[question.type]}
            {question.showIf ? ' · conditional' : ''}
            {'scoring' in question && question.scoring ? ` · ${question.scoring.criterion}` : ''}
          </span>
        </button>
        <MoveButtons
          what={what}
          index={qi}
          count={count}
          onMove={onMove}
          onRemove={onRemove}
          removeDisabled={count <= 1}
        />
      </div>
      {open ? (
        <div className="builder-question-body">
          <div className="builder-row">
            <KeyInput name={`${name}.id`} label="Question id" hint="Answers and conditions refer to it." />
            <Field label="Type">
              {(control) => (
                <select
                  className="input select"
                  value={question.type}
                  name={`${name}.type`}
                  onChange={(e) =>
                    onReplace(
                      withType(
                        getValues(fieldPath(name)) as Question,
                        e.target.value as QuestionType,
                        locales,
                      ),
                    )
                  }
                  {...control}
                >
                  {QUESTION_TYPES.map((t) => (
                    <option key={t} value={t}>
                      {QUESTION_TYPE_LABELS[t]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
          <LocalizedField name={`${name}.label`} label="Question" maxLength={500} multiline />
          <LocalizedField name={`${name}.help`} label="Help" optional multiline maxLength={2000} />
          <div className="builder-checks-inline">
            <CheckboxInput name={`${name}.required`} label="Required" />
            <CheckboxInput name={`${name}.evidenceRequested`} label="Ask for evidence" />
          </div>
          <TypeFields name={name} type={question.type} />
          <ScoringFields name={name} question={question} />
          <ConditionFields
            name={name}
            earlier={earlierQuestions(getValues('sections'), si, qi)}
            locale={defaultLocale}
            defaultLocale={{ defaultLocale }}
          />
        </div>
      ) : null}
    </li>
  );
}

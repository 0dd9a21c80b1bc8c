import { useFieldArray } from 'react-hook-form';
import { allQuestions } from '#shared/domain/questionnaires/questions.js';
import type { Locale } from '#shared/schemas/questionnaire-locales.js';
import type { Question } from '#shared/schemas/questionnaires.js';
import { Button } from '../../../../components/ui/button.js';
import { newQuestion } from '../../lib/question-defaults.js';
import { sectionAnchor } from '../../lib/template-paths.js';
import { fieldPath, useBuilderForm, useFieldError } from './form-types.js';
import { KeyInput } from './key-input.js';
import { LocalizedField } from './localized-field.js';
import { MoveButtons } from './move-buttons.js';
import { type GoTo, QuestionEditor } from './question-editor.js';

export interface SectionEditorProps {
  si: number;
  count: number;
  onMove: (from: number, to: number) => void;
  onRemove: () => void;
  goTo: GoTo | null;
}

export function SectionEditor({ si, count, onMove, onRemove, goTo }: SectionEditorProps) {
  const { control, getValues } = useBuilderForm();
  const name = `sections.${si}.questions`;
  const { fields, append, remove, move, update } = useFieldArray({ control, name: fieldPath(name) as never });
  const error = useFieldError(name);
  const headingId = `${sectionAnchor(si)}-title`;
  return (
    <section className="panel builder-section" id={sectionAnchor(si)} aria-labelledby={headingId}>
      <div className="builder-section-head">
        <h3 className="panel-title" id={headingId}>
          Section {si + 1}
        </h3>
        <MoveButtons
          what={`section ${si + 1}`}
          index={si}
          count={count}
          onMove={onMove}
          onRemove={onRemove}
          removeDisabled={count <= 1}
        />
      </div>
      <div className="builder-row">
        <KeyInput name={`sections.${si}.id`} label="Section id" />
      </div>
      <LocalizedField name={`sections.${si}.title`} label="Section title" maxLength={200} />
      <LocalizedField
        name={`sections.${si}.description`}
        label="Section description"
        optional
        multiline
        maxLength={2000}
      />
      <h4 className="subsection-title">Questions</h4>
      <ol className="builder-questions">
        {fields.map((f, qi) => (
          <QuestionEditor
            key={f.id}
            si={si}
            qi={qi}
            count={fields.length}
            onMove={move}
            onRemove={() => remove(qi)}
            onReplace={(q: Question) => update(qi, q as never)}
            goTo={goTo}
          />
        ))}
      </ol>
      {error ? <p className="field-error">{error}</p> : null}
      <Button
        size="sm"
        disabled={fields.length >= 100}
        onClick={() => {
          const def = getValues();
          const taken = new Set(allQuestions(def).map((q) => q.id));
          append(newQuestion(def.locales as Locale[], taken) as never);
        }}
      >
        Add a question to section {si + 1}
      </Button>
    </section>
  );
}

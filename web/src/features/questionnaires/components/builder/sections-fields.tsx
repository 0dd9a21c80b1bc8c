import { useFieldArray } from 'react-hook-form';
import type { Locale } from '#shared/schemas/questionnaire-locales.js';
import { Button } from '../../../../components/ui/button.js';
import { newSection } from '../../lib/question-defaults.js';
import { useBuilderForm, useFieldError } from './form-types.js';
import type { GoTo } from './question-editor.js';
import { SectionEditor } from './section-editor.js';

/** The sections in order, each with its questions; sections move up and down with buttons. */
export function SectionsFields({ goTo }: { goTo: GoTo | null }) {
  const { control, getValues } = useBuilderForm();
  const { fields, append, remove, move } = useFieldArray({ control, name: 'sections' });
  const error = useFieldError('sections');
  return (
    <>
      {fields.map((f, si) => (
        <SectionEditor
          key={f.id}
          si={si}
          count={fields.length}
          onMove={move}
          onRemove={() => remove(si)}
          goTo={goTo}
        />
      ))}
      {error ? <p className="field-error">{error}</p> : null}
      <Button
        disabled={fields.length >= 30}
        onClick={() => {
          const def = getValues();
          const taken = new Set([
            ...def.sections.map((s) => s.id),
            ...def.sections.flatMap((s) => s.questions.map((q) => q.id)),
          ]);
          append(newSection(def.locales as Locale[], taken));
        }}
      >
        Add a section
      </Button>
    </>
  );
}

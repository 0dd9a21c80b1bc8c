import { useId, useState } from 'react';
import type { AnswerValue } from '#shared/schemas/questionnaire-answers.js';
import type { Locale } from '#shared/schemas/questionnaire-locales.js';
import type { TemplateDefinition } from '#shared/schemas/questionnaires.js';
import { Button } from '../../../components/ui/button.js';
import { LOCALE_LABELS } from '../labels.js';
import { QuestionnaireView } from './answer-fields/questionnaire-view.js';

/**
 * The questionnaire exactly as a supplier sees it, in a language of the template: answers given here only
 * drive the conditional questions and are never saved.
 */
export function TemplatePreview({ definition }: { definition: TemplateDefinition }) {
  const id = useId();
  const [chosen, setChosen] = useState<Locale>(definition.defaultLocale);
  const locale = definition.locales.includes(chosen) ? chosen : definition.defaultLocale;
  const [answers, setAnswers] = useState<Record<string, AnswerValue | undefined>>({});
  return (
    <div className="tpl-preview">
      <div className="tpl-preview-bar">
        <label className="field-label" htmlFor={`${id}-locale`}>
          Language
        </label>
        <select
          id={`${id}-locale`}
          className="input select builder-narrow"
          value={locale}
          onChange={(e) => setChosen(e.target.value as Locale)}
        >
          {definition.locales.map((l) => (
            <option key={l} value={l}>
              {LOCALE_LABELS[l]}
            </option>
          ))}
        </select>
        <Button size="sm" onClick={() => setAnswers({})} disabled={Object.keys(answers).length === 0}>
          Clear answers
        </Button>
        <span className="muted">Answers given in the preview are not saved.</span>
      </div>
      <div className="tpl-preview-frame">
        <QuestionnaireView
          definition={definition}
          locale={locale}
          answers={answers}
          onAnswer={(qid, value) => setAnswers((a) => ({ ...a, [qid]: value }))}
        />
      </div>
    </div>
  );
}

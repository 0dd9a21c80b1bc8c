import { conditionLeaves } from '#shared/domain/questionnaires/conditions.js';
import { optionIdsOf, optionLabel, textIn } from '#shared/domain/questionnaires/questions.js';
import type { Condition } from '#shared/schemas/questionnaire-conditions.js';
import type { Question, TemplateDefinition } from '#shared/schemas/questionnaires.js';
import { LOCALE_LABELS, QUESTION_TYPE_LABELS } from '../labels.js';

const describeCondition = (c: Condition): string => {
  const tests = conditionLeaves(c).map(({ leaf }) =>
    'values' in leaf
      ? `${leaf.questionId} ${leaf.op} ${leaf.values.join(', ')}`
      : `${leaf.questionId} ${leaf.op} ${leaf.value}`,
  );
  return tests.join('any' in c ? ' or ' : ' and ');
};

const scoringText = (q: Question): string | null => {
  if (!('scoring' in q) || !q.scoring) return null;
  const s = q.scoring;
  if ('bands' in s) return `${s.criterion}, up to ${s.maxPoints} points in ${s.bands.length} bands`;
  const points = (optionIdsOf(q) ?? [])
    .filter((id) => s.points[id] !== undefined)
    .map((id) => `${optionLabel(q, id, 'en')} ${s.points[id]}`)
    .join(', ');
  const flags = Object.entries(s.redFlags ?? {}).map(([o, f]) => `${optionLabel(q, o, 'en')} → ${f}`);
  return `${s.criterion}, up to ${s.maxPoints} points (${points || 'none'})${flags.length ? `; red flags: ${flags.join(', ')}` : ''}`;
};

/** A read-only listing of a template: every question with its type, condition and scoring. */
export function TemplateOutline({ definition: def }: { definition: TemplateDefinition }) {
  const locale = def.defaultLocale;
  return (
    <div className="tpl-outline">
      <dl className="details details-compact">
        <dt>Title</dt>
        <dd>{textIn(def.title, locale, def)}</dd>
        <dt>Languages</dt>
        <dd>{def.locales.map((l) => LOCALE_LABELS[l]).join(', ')}</dd>
      </dl>
      {def.sections.map((section, si) => (
        <section key={section.id} className="panel" aria-labelledby={`outline-${section.id}`}>
          <h3 className="panel-title" id={`outline-${section.id}`}>
            {si + 1}. {textIn(section.title, locale, def)}
          </h3>
          <ol className="tpl-outline-questions">
            {section.questions.map((q) => (
              <li key={q.id}>
                <p className="cell-strong">{textIn(q.label, locale, def)}</p>
                <p className="cell-sub">
                  <code className="code-inline">{q.id}</code> · {QUESTION_TYPE_LABELS[q.type]}
                  {q.required ? ' · required' : ' · optional'}
                  {q.evidenceRequested ? ' · evidence requested' : ''}
                </p>
                {q.showIf ? <p className="cell-sub">Shown when {describeCondition(q.showIf)}</p> : null}
                {scoringText(q) ? <p className="cell-sub">Scores {scoringText(q)}</p> : null}
              </li>
            ))}
          </ol>
        </section>
      ))}
    </div>
  );
}

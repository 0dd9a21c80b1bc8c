import type { EvidenceFile } from '#shared/schemas/evidence.js';
import type { AnswerValue } from '#shared/schemas/questionnaire-answers.js';
import type { Locale, Question, TemplateDefinition } from '#shared/schemas/questionnaires.js';
import { Button } from '../../../components/ui/button.js';
import { describeAnswer, formatMoment } from '../lib/portal-format.js';
import { portalWords } from '../lib/portal-words.js';
import type { SaveState } from '../lib/use-autosave.js';

interface Props {
  question: Question;
  state: SaveState;
  mine: AnswerValue | undefined;
  locale: Locale;
  definition: TemplateDefinition;
  files: readonly EvidenceFile[];
  onRetry: () => void;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
}

/**
 * Under each answer: whether it is stored ("Saving…", "Saved", "Not saved — retry"), and when another
 * window saved a newer answer, both answers side by side and the choice of which to keep.
 */
export function AnswerStatus({ question, state, mine, locale, definition, files, ...on }: Props) {
  const w = portalWords(locale);
  switch (state.kind) {
    case 'idle':
      return null;
    case 'pending':
    case 'saving':
      return <p className="portal-save portal-save-busy">{w.saving}</p>;
    case 'saved':
      return (
        <p className="portal-save portal-save-ok">
          <span aria-hidden="true">✓</span> {w.saved}
        </p>
      );
    case 'invalid':
      return (
        <p className="portal-save portal-save-error" role="alert">
          {w.notSaved(state.message)}
        </p>
      );
    case 'failed':
      return (
        <div className="portal-save portal-save-error" role="alert">
          <span>{w.notSaved(state.message)}</span>
          <Button size="sm" onClick={on.onRetry}>
            {w.retry}
          </Button>
        </div>
      );
    case 'conflict': {
      const theirs = state.theirs;
      const say = (v: AnswerValue | undefined) => describeAnswer(question, v, locale, definition, files, w);
      return (
        <div className="portal-conflict" role="alert">
          <p className="portal-conflict-title">{w.conflictTitle}</p>
          <dl className="portal-conflict-answers">
            <div>
              <dt>{w.yourAnswer}</dt>
              <dd>{say(mine)}</dd>
            </div>
            <div>
              <dt>
                {w.savedElsewhere}
                {theirs ? ` (${formatMoment(theirs.updatedAt, locale)})` : ''}
              </dt>
              <dd>{theirs ? say(theirs.value) : w.cleared}</dd>
            </div>
          </dl>
          <div className="portal-conflict-actions">
            <Button variant="primary" size="sm" onClick={on.onKeepMine}>
              {w.keepMine}
            </Button>
            <Button size="sm" onClick={on.onTakeTheirs}>
              {w.takeTheirs}
            </Button>
          </div>
        </div>
      );
    }
  }
}

import type { AnswerProgress } from '#shared/domain/questionnaires/progress.js';
import type { Locale } from '#shared/schemas/questionnaires.js';
import { portalWords } from '../lib/portal-words.js';
import type { OverallSaveState } from '../lib/use-autosave.js';

/** Kept in view while scrolling: how much of what is required is answered, and whether it is all stored. */
export function ProgressBar({
  progress,
  save,
  editable,
  locale,
}: {
  progress: AnswerProgress;
  save: OverallSaveState;
  editable: boolean;
  locale: Locale;
}) {
  const w = portalWords(locale);
  return (
    <div className="portal-progress-bar">
      <div className="portal-progress-text">
        <span>
          <strong>{progress.percent}%</strong> {w.requiredAnswered(progress.answered, progress.required)}
        </span>
        {editable ? (
          <span
            className={`portal-save-overall portal-save-overall-${save}`}
            role="status"
            aria-live="polite"
          >
            {save === 'idle' ? '' : w.overall[save]}
          </span>
        ) : null}
      </div>
      <div
        className="portal-meter"
        role="progressbar"
        aria-label={w.meterLabel}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={progress.percent}
      >
        <div className="portal-meter-fill" style={{ width: `${progress.percent}%` }} />
      </div>
    </div>
  );
}

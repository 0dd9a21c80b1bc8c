import type { AnswerProgress } from '#shared/domain/questionnaires/progress.js';
import type { OverallSaveState } from '../lib/use-autosave.js';

const SAVE_TEXT: Record<OverallSaveState, string> = {
  idle: '',
  saving: 'Saving…',
  saved: 'All changes saved',
  failed: 'Some answers are not saved',
  conflict: 'An answer needs your choice',
};

/** Kept in view while scrolling: how much of what is required is answered, and whether it is all stored. */
export function ProgressBar({
  progress,
  save,
  editable,
}: {
  progress: AnswerProgress;
  save: OverallSaveState;
  editable: boolean;
}) {
  return (
    <div className="portal-progress-bar">
      <div className="portal-progress-text">
        <span>
          <strong>{progress.percent}%</strong> of required questions answered ({progress.answered} of{' '}
          {progress.required})
        </span>
        {editable ? (
          <span
            className={`portal-save-overall portal-save-overall-${save}`}
            role="status"
            aria-live="polite"
          >
            {SAVE_TEXT[save]}
          </span>
        ) : null}
      </div>
      <div
        className="portal-meter"
        role="progressbar"
        aria-label="Required questions answered"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={progress.percent}
      >
        <div className="portal-meter-fill" style={{ width: `${progress.percent}%` }} />
      </div>
    </div>
  );
}

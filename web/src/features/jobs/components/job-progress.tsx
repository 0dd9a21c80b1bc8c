import type { Job } from '#shared/schemas/jobs.js';
import { formatInteger, formatPercent } from '../../../lib/format.js';

export interface JobProgressProps {
  job: Job;
  /** Accessible name of the bar, e.g. "Rescoring suppliers". */
  label: string;
  /** Plural noun of what is counted, e.g. "suppliers". */
  noun: string;
}

const describe = (job: Job, noun: string): string => {
  const { done, total, percent } = job.progress;
  switch (job.status) {
    case 'queued':
      return 'Waiting to start…';
    case 'running':
      return total > 0
        ? `${formatInteger(done)} of ${formatInteger(total)} ${noun} (${formatPercent(percent)})`
        : 'Starting…';
    case 'succeeded':
      return `Done: ${formatInteger(done)} of ${formatInteger(total)} ${noun} (${formatPercent(percent)})`;
    case 'failed':
      return `Stopped after ${formatInteger(done)} of ${formatInteger(total)} ${noun}`;
  }
};

/**
 * A job's progress bar with its count in words. The words are a polite live region, so a screen reader hears
 * the progress without being interrupted; the bar carries the same value for sighted users.
 */
export function JobProgress({ job, label, noun }: JobProgressProps) {
  const queued = job.status === 'queued';
  return (
    <div className="job-progress">
      {/* No value while queued: an indeterminate bar says "not started" better than an empty one. */}
      <progress
        className="progress"
        max={100}
        value={queued ? undefined : job.progress.percent}
        aria-label={label}
      />
      <p className="job-progress-text" aria-live="polite" aria-atomic="true">
        {describe(job, noun)}
      </p>
    </div>
  );
}

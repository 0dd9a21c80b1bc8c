import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Link } from 'react-router';
import { Alert } from '../../../components/ui/alert.js';
import { Button } from '../../../components/ui/button.js';
import { describeError } from '../../../lib/form-errors.js';
import { formatInteger } from '../../../lib/format.js';
import { useJob } from '../../jobs/api.js';
import { JobProgress } from '../../jobs/components/job-progress.js';
import { supplierKeys } from '../../suppliers/api.js';
import { policyKeys } from '../api.js';

export interface RescoreProgressProps {
  jobId: string;
  /** Hides the panel (drops the job from the URL). */
  onDismiss: () => void;
}

/** The rescore that publishing started: live progress, then where to see the result. */
export function RescoreProgress({ jobId, onDismiss }: RescoreProgressProps) {
  const job = useJob(jobId);
  const queryClient = useQueryClient();
  const status = job.data?.status;

  useEffect(() => {
    // Every supplier has a new assessment now: ratings cached anywhere are stale.
    if (status === 'succeeded') {
      void queryClient.invalidateQueries({ queryKey: supplierKeys.all });
      void queryClient.invalidateQueries({ queryKey: policyKeys.all });
    }
  }, [status, queryClient]);

  const params = job.data?.kind === 'rescore' ? job.data.params : undefined;
  // A rescore of an import's suppliers (a file too large to assess in its request) says so.
  const imported = params?.trigger === 'import';
  const version = typeof params?.version === 'number' ? params.version : null;
  const title = imported
    ? `Assessing the suppliers ${params?.triggerDetail ?? 'imported'}`
    : version
      ? `Rescoring every supplier under version ${version}`
      : 'Rescoring every supplier';

  return (
    <section className="panel rescore-panel" aria-labelledby="rescore-title">
      <div className="rescore-head">
        <h2 className="panel-title" id="rescore-title">
          {status === 'succeeded'
            ? imported
              ? 'Assessment of the import finished'
              : 'Rescore finished'
            : title}
        </h2>
        {status === 'succeeded' || status === 'failed' || job.isError ? (
          <Button size="sm" variant="ghost" onClick={onDismiss}>
            Close
          </Button>
        ) : null}
      </div>
      {job.isError ? (
        <Alert tone="error" title="The progress of the rescore could not be read">
          {describeError(job.error)}
        </Alert>
      ) : !job.data ? (
        <p className="loading-text" role="status">
          Loading progress…
        </p>
      ) : (
        <>
          <JobProgress job={job.data} label="Rescoring suppliers" noun="suppliers" />
          {status === 'succeeded' ? (
            <Alert tone="success">
              {formatInteger(job.data.progress.done)} suppliers have a new assessment
              {imported
                ? ` (${params?.triggerDetail ?? 'imported'})`
                : version
                  ? ` under version ${version}`
                  : ''}
              . <Link to="/suppliers">See the supplier list</Link>
            </Alert>
          ) : status === 'failed' ? (
            <Alert tone="error" title="The rescore stopped">
              {job.data.error ?? 'The job failed.'} Suppliers already rescored keep their new assessment; the
              others keep their previous one.
            </Alert>
          ) : (
            <p className="muted">You can leave this page: the rescore carries on in the background.</p>
          )}
        </>
      )}
    </section>
  );
}

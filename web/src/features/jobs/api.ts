import { useQuery } from '@tanstack/react-query';
import { type Job, JobSchema } from '#shared/schemas/jobs.js';
import { apiRequest } from '../../lib/api-client.js';

/** How often a page asks for the progress of running work. */
export const JOB_POLL_MS = 500;

export const jobKeys = {
  all: ['jobs'] as const,
  detail: (id: string) => [...jobKeys.all, id] as const,
};

export const isJobFinished = (job: Pick<Job, 'status'>): boolean =>
  job.status === 'succeeded' || job.status === 'failed';

/** A background job, polled every JOB_POLL_MS while it is queued or running; polling stops once it ends. */
export const useJob = (id: string | null | undefined) =>
  useQuery({
    queryKey: jobKeys.detail(id ?? ''),
    queryFn: ({ signal }) =>
      apiRequest(`/api/jobs/${encodeURIComponent(id ?? '')}`, { schema: JobSchema, signal }),
    enabled: Boolean(id),
    staleTime: 0,
    refetchInterval: (query) => {
      const job = query.state.data;
      // A job that ended, or one we cannot read (gone, other organisation), will not change: stop asking.
      if (query.state.status === 'error' || (job && isJobFinished(job))) return false;
      return JOB_POLL_MS;
    },
  });

import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { type Job, JobPageSchema, JobSchema } from '#shared/schemas/jobs.js';
import { apiRequest } from '../../lib/api-client.js';

/** How often a page asks for the progress of running work. */
export const JOB_POLL_MS = 500;

export const jobKeys = {
  all: ['jobs'] as const,
  activeRescore: ['jobs', 'active-rescore'] as const,
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

/** How often a page asks whether a rescore is still going on, while one is. */
const ACTIVE_POLL_MS = 3000;

/** The id of the newest rescore still queued or running, or null; asked again while there is one. */
export const useActiveRescore = () =>
  useQuery({
    queryKey: jobKeys.activeRescore,
    queryFn: ({ signal }) =>
      apiRequest('/api/jobs?kind=rescore&active=true&limit=1', { schema: JobPageSchema, signal }),
    select: (page) => page.items[0]?.id ?? null,
    refetchInterval: (query) => (query.state.data?.items.length ? ACTIVE_POLL_MS : false),
  });

/**
 * The rescore a page shows: the one it was sent to (`named`, e.g. ?job= after publishing), else one still
 * going on (started elsewhere, or before the person left the page). Once seen it stays until dismissed,
 * so the page can say how it ended.
 */
export const useShownRescore = (named: string | null) => {
  const active = useActiveRescore();
  const [seen, setSeen] = useState<string | null>(null);
  const [dismissed, setDismissed] = useState<string | null>(null);
  useEffect(() => {
    if (active.data) setSeen(active.data);
  }, [active.data]);
  const jobId = named ?? (seen !== dismissed ? seen : null);
  return { jobId, dismiss: () => setDismissed(jobId) };
};

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { OkSchema } from '#shared/schemas/common.js';
import { type Policy, type PolicyCreate, PolicySchema, type PolicyUpdate } from '#shared/schemas/policy.js';
import { PublishResultSchema, WhatIfSchema } from '#shared/schemas/what-if.js';
import { apiRequest } from '../../lib/api-client.js';
import { jobKeys } from '../jobs/api.js';

export const policyKeys = {
  all: ['policies'] as const,
  list: () => [...policyKeys.all, 'list'] as const,
  details: () => [...policyKeys.all, 'detail'] as const,
  detail: (id: string) => [...policyKeys.details(), id] as const,
};

const PolicyListSchema = z.object({ items: z.array(PolicySchema) });
const policyPath = (id: string) => `/api/policies/${encodeURIComponent(id)}`;

/** Every policy of the organisation: the published one, drafts and retired versions. */
export const usePolicies = () =>
  useQuery({
    queryKey: policyKeys.list(),
    queryFn: ({ signal }) => apiRequest('/api/policies', { schema: PolicyListSchema, signal }),
    select: (data) => data.items,
  });

export const usePolicy = (id: string | undefined) =>
  useQuery({
    queryKey: policyKeys.detail(id ?? ''),
    queryFn: ({ signal }) => apiRequest(policyPath(id ?? ''), { schema: PolicySchema, signal }),
    enabled: Boolean(id),
  });

/** The policy in force, if any, taken from the list (there is at most one). */
export const usePublishedPolicy = () => {
  const policies = usePolicies();
  return { ...policies, data: policies.data?.find((p) => p.status === 'published') };
};

const storePolicy = (queryClient: ReturnType<typeof useQueryClient>, policy: Policy) => {
  queryClient.setQueryData(policyKeys.detail(policy.id), policy);
  return queryClient.invalidateQueries({ queryKey: policyKeys.list() });
};

export const useCreatePolicyDraft = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PolicyCreate) =>
      apiRequest('/api/policies', { method: 'POST', body, schema: PolicySchema }),
    onSuccess: (policy) => storePolicy(queryClient, policy),
  });
};

/** Puts a policy the person has seen (e.g. the newer one a 409 carried) where every view reads it. */
export const useStorePolicy = () => {
  const queryClient = useQueryClient();
  return (policy: Policy) => void storePolicy(queryClient, policy);
};

/** Edits a draft made from `revision` (sent as If-Match): a stale one fails with a 409 carrying the current. */
export const useUpdatePolicy = (id: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ changes, revision }: { changes: PolicyUpdate; revision: number }) =>
      apiRequest(policyPath(id), { method: 'PATCH', body: changes, schema: PolicySchema, ifMatch: revision }),
    onSuccess: (policy) => storePolicy(queryClient, policy),
  });
};

/**
 * Deletes a draft never published, as the person saw it (`revision` as If-Match: one edited since is refused,
 * 409). Afterwards the draft is gone from every cache, and the list is read again.
 */
export const useDeletePolicyDraft = (id: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (revision: number) =>
      apiRequest(policyPath(id), { method: 'DELETE', schema: OkSchema, ifMatch: revision }),
    // A 409 means the draft changed: show the latest one behind the dialog.
    onError: () => queryClient.invalidateQueries({ queryKey: policyKeys.detail(id) }),
    // Not awaited: the page of the deleted draft leaves at once rather than re-render without it first.
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: policyKeys.detail(id) });
      void queryClient.invalidateQueries({ queryKey: policyKeys.list() });
    },
  });
};

/**
 * Publishes the draft at `revision` (If-Match: one edited since the person looked is refused, 409); the answer
 * carries the rescore job, stored so its progress shows at once.
 */
export const usePublishPolicy = (id: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (revision: number) =>
      apiRequest(`${policyPath(id)}/publish`, {
        method: 'POST',
        schema: PublishResultSchema,
        ifMatch: revision,
      }),
    // A 409 means the draft changed: show the latest one behind the dialog.
    onError: () => queryClient.invalidateQueries({ queryKey: policyKeys.all }),
    onSuccess: ({ policy, job }) => {
      queryClient.setQueryData(jobKeys.detail(job.id), job);
      queryClient.setQueryData(policyKeys.detail(policy.id), policy);
      // Publishing retires the previous version too: every cached policy may be stale.
      return queryClient.invalidateQueries({ queryKey: policyKeys.all });
    },
  });
};

/**
 * Scores the portfolio under a policy next to the published one. A POST that writes nothing, run on demand
 * (it can take seconds), so it is a mutation rather than a query that would rerun on every focus.
 */
export const useWhatIf = (id: string) =>
  useMutation({
    mutationKey: [...policyKeys.detail(id), 'what-if'],
    mutationFn: () => apiRequest(`${policyPath(id)}/what-if`, { method: 'POST', schema: WhatIfSchema }),
  });

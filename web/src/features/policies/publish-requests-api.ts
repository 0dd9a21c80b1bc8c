import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  PublishApprovalSettingSchema,
  type PublishApprovalSettingUpdate,
  PublishApprovedSchema,
  PublishRequestListSchema,
  PublishRequestSchema,
  type PublishRequestsQuery,
} from '#shared/schemas/publish-requests.js';
import { apiRequest } from '../../lib/api-client.js';
import { jobKeys } from '../jobs/api.js';
import { policyKeys } from './api.js';

// Four-eyes publishing: the organisation's rule and the requests to publish a draft.

export const publishRequestKeys = {
  all: ['publish-requests'] as const,
  list: (q: PublishRequestsQuery) => [...publishRequestKeys.all, 'list', q] as const,
  approval: () => [...publishRequestKeys.all, 'approval'] as const,
};

/** Whether publishing needs a second admin's approval, and why (for the screen). */
export const usePublishApproval = () =>
  useQuery({
    queryKey: publishRequestKeys.approval(),
    queryFn: ({ signal }) =>
      apiRequest('/api/publish-approval', { schema: PublishApprovalSettingSchema, signal }),
  });

export const usePublishRequests = (q: PublishRequestsQuery) =>
  useQuery({
    queryKey: publishRequestKeys.list(q),
    queryFn: ({ signal }) =>
      apiRequest('/api/publish-requests', { schema: PublishRequestListSchema, query: q, signal }),
    select: (data) => data.items,
  });

const useRefreshAfter = () => {
  const queryClient = useQueryClient();
  // A decision changes the draft (frozen or not, published) and the lists: refetch both families.
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: publishRequestKeys.all }),
      queryClient.invalidateQueries({ queryKey: policyKeys.all }),
    ]);
};

export const useRequestPublication = (policyId: string) => {
  const refresh = useRefreshAfter();
  return useMutation({
    mutationFn: (body: { comment: string; revision: number }) =>
      apiRequest(`/api/policies/${encodeURIComponent(policyId)}/publish-requests`, {
        method: 'POST',
        body,
        schema: PublishRequestSchema,
      }),
    onSettled: refresh,
  });
};

const decisionPath = (id: string, action: string) =>
  `/api/publish-requests/${encodeURIComponent(id)}/${action}`;

export const useApprovePublication = () => {
  const queryClient = useQueryClient();
  const refresh = useRefreshAfter();
  return useMutation({
    mutationFn: ({ id, comment }: { id: string; comment?: string }) =>
      apiRequest(decisionPath(id, 'approve'), {
        method: 'POST',
        body: comment ? { comment } : {},
        schema: PublishApprovedSchema,
      }),
    onSuccess: ({ publish }) => {
      queryClient.setQueryData(jobKeys.detail(publish.job.id), publish.job);
    },
    onSettled: refresh,
  });
};

export const useRejectPublication = () => {
  const refresh = useRefreshAfter();
  return useMutation({
    mutationFn: ({ id, comment }: { id: string; comment: string }) =>
      apiRequest(decisionPath(id, 'reject'), {
        method: 'POST',
        body: { comment },
        schema: PublishRequestSchema,
      }),
    onSettled: refresh,
  });
};

export const useWithdrawPublication = () => {
  const refresh = useRefreshAfter();
  return useMutation({
    mutationFn: ({ id }: { id: string }) =>
      apiRequest(decisionPath(id, 'withdraw'), { method: 'POST', body: {}, schema: PublishRequestSchema }),
    onSettled: refresh,
  });
};

export const useSetPublishApproval = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PublishApprovalSettingUpdate) =>
      apiRequest('/api/publish-approval', { method: 'PUT', body, schema: PublishApprovalSettingSchema }),
    onSuccess: (setting) => queryClient.setQueryData(publishRequestKeys.approval(), setting),
  });
};
